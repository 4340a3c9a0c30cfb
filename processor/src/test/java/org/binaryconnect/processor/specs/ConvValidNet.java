package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.dsl.Training;

/**
 * A small conv net without batch norm for gradient checks: a full-precision VALID convolution at stride 2, an
 * overlapping 3x3 pool at stride 2, dropout, a binary VALID convolution, softmax cross-entropy.
 */
@Network(input = {13, 11, 1}, classes = 3, binarization = Binarization.STOCHASTIC, loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Training(batchSize = 3)
public class ConvValidNet {

    // 1x13x11 -> 3x6x5 -> pool 3 stride 2 -> 3x2x2
    @Conv2D(filters = 3, kernel = 3, stride = 2, padding = Padding.VALID, binary = false)
    @MaxPool(value = 3, stride = 2) @Activation(Nonlinearity.RELU) @Dropout(0.25)
    Layer conv1;

    // 3x2x2 -> 2x1x1
    @Conv2D(filters = 2, kernel = 2, padding = Padding.VALID) @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 3)
    Layer output;
}
