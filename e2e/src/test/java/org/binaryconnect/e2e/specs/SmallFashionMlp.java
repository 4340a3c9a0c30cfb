package org.binaryconnect.e2e.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/** A small BinaryConnect MLP for the convergence test on real Fashion-MNIST. */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC)
@Training(epochs = 2, learningRateStart = 3e-3, learningRateEnd = 3e-4, seed = 5)
public class SmallFashionMlp {

    @Dense(units = 256) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10) @BatchNorm
    Layer output;
}
