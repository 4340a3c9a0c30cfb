package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Conv2D;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.MaxPool;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.dsl.Training;

/**
 * A small CNN covering what the conv inference kernels handle: two input channels of an image that is not square,
 * a binary conv with stride 2, SAME padding, an overlapping max-pool and batch norm (whose gamma the test makes
 * negative for some filters), a full-precision VALID conv without pool, and a fan-in that is not a multiple of 4
 * (2 x 3 x 3 = 18) nor of 64 (7 x 3 x 3 = 63).
 */
@Network(input = {11, 9, 2}, classes = 4, binarization = Binarization.DETERMINISTIC)
@Training(batchSize = 8)
public class ConvInferenceNet {

    @Conv2D(filters = 7, kernel = 3, stride = 2, padding = Padding.SAME) @MaxPool(value = 2, stride = 1)
    @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv1;

    @Conv2D(filters = 5, kernel = 3, padding = Padding.VALID, binary = false) @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 4) @BatchNorm
    Layer output;
}
