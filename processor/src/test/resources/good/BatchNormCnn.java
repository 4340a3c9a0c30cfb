package good;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.dsl.Training;

/**
 * The authors' CIFAR-10 layer pattern in small (conv, pool, batch norm over channels, ReLU), with a full-precision
 * VALID first layer at stride 2, an overlapping pool, dropout, stochastic binarization and H = Glorot.
 */
@Network(input = {32, 32, 3}, classes = 10, binarization = Binarization.STOCHASTIC, h = Network.GLOROT)
@Training(batchSize = 50)
public class BatchNormCnn {

    @Conv2D(filters = 16, kernel = 5, stride = 2, padding = Padding.VALID, binary = false)
    @BatchNorm(alpha = 0.1) @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 32, kernel = 3) @MaxPool(value = 3, stride = 2) @BatchNorm(alpha = 0.1)
    @Activation(Nonlinearity.RELU) @Dropout(0.1)
    Layer conv2;

    @Dense(units = 10) @BatchNorm(alpha = 0.1)
    Layer output;
}
