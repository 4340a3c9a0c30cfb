package org.binaryconnect.examples.fashion;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/**
 * The authors' MNIST MLP (Courbariaux et al., 2015) on Fashion-MNIST: three binary hidden layers of 1024 units
 * with batch normalization and ReLU, a binary 10-unit output with batch normalization and the squared hinge
 * loss, Adam with the learning rate decaying from 1e-3 to 3e-6.
 *
 * <p>{@code mvn binaryconnect:train} trains it for 10 epochs; {@code -Dbinaryconnect.epochs=250} runs the
 * authors' full schedule.
 */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC)
@Training(epochs = 10, batchSize = 100, learningRateStart = 1e-3, learningRateEnd = 3e-6, validationSamples = 10000)
public class FashionMlp {

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden1;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden2;

    @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden3;

    @Dense(units = 10) @BatchNorm Layer output;
}
