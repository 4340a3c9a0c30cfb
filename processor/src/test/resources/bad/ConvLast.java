package bad;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;

@Network(input = {28, 28, 1}, classes = 10)
public class ConvLast {

    @Conv2D(filters = 10, kernel = 3)
    Layer output;
}
