package good;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Sgd;
import org.binaryconnect.dsl.Training;

/** The float baseline: no binarization, softmax cross-entropy, SGD with momentum. */
@Network(input = {784}, classes = 10, binarization = Binarization.NONE, loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Sgd(momentum = 0.9)
@Training(batchSize = 64, epochs = 20, learningRateStart = 0.01, learningRateEnd = 0.0001, seed = 42)
public class FloatMlp {

    @Dense(units = 256) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10)
    Layer output;
}
