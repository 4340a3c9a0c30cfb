package org.binaryconnect.e2e.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/** The README example's 784-1024x3-10 BinaryConnect MLP, for the export parity test on real Fashion-MNIST. */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC)
@Training(epochs = 1, seed = 21)
public class ParityFashionMlp {

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden1;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden2;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden3;

    @Dense(units = 10) @BatchNorm
    Layer output;
}
