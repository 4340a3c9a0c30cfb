package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Sgd;
import org.binaryconnect.dsl.Training;

/** Softmax cross-entropy over dense layers without batch norm, deterministic binarization, SGD. */
@Network(input = {7}, classes = 4, binarization = Binarization.DETERMINISTIC, loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Sgd(momentum = 0.5)
@Training(batchSize = 6, seed = 11)
public class SoftmaxGradientNet {

    @Dense(units = 6) @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 4)
    Layer output;
}
