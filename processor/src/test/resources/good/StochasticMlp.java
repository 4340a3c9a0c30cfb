package good;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Adam;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;

/** Stochastic BinaryConnect as the authors' MNIST recipe, with a full-precision first layer and dropout. */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.STOCHASTIC)
@Adam(beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8)
public class StochasticMlp {

    @Dense(units = 512, binary = false) @BatchNorm(alpha = 0.15, epsilon = 1e-4) @Activation(Nonlinearity.RELU)
    Layer first;

    @Dense(units = 512) @BatchNorm(alpha = 0.15, epsilon = 1e-4) @Activation(Nonlinearity.RELU) @Dropout(0.2)
    Layer hidden;

    @Dense(units = 10) @BatchNorm(alpha = 0.15, epsilon = 1e-4)
    Layer output;
}
