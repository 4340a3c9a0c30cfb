package bad;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;

@SuppressWarnings("unused")
@Network(input = {4, 4, 1}, classes = 10)
public class ConvKernelTooLarge {

    @Conv2D(filters = 8, kernel = 5, padding = Padding.VALID)
    Layer conv;
    @Dense(units = 10)
    Layer output;
}
