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
@Network(input = {5, 5, 3}, classes = 10)
public class PoolLeavesNothing {

    @Conv2D(filters = 8, kernel = 3, padding = Padding.VALID) @Activation(Nonlinearity.RELU)
    @MaxPool(4)
    Layer conv;
    @Dense(units = 10)
    Layer output;
}
