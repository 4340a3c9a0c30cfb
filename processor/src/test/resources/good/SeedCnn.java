package good;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.dsl.Training;

/**
 * The seed network (the TensorFlow port's): conv 5x5x32 SAME, ReLU, max-pool 2, conv 5x5x64 SAME, ReLU, max-pool 2,
 * dense 1024 ReLU, dense 10, softmax cross-entropy. Pooling before the ReLU is the same as after it.
 */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC,
        loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Training(batchSize = 100, epochs = 250, learningRateStart = 1e-3, learningRateEnd = 3e-6)
public class SeedCnn {

    @Conv2D(filters = 32, kernel = 5, padding = Padding.SAME) @MaxPool(2) @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 64, kernel = 5, padding = Padding.SAME) @MaxPool(2) @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 1024) @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10)
    Layer output;
}
