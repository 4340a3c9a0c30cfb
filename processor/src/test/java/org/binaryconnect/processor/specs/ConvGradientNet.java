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
 * A small conv net for gradient checks: SAME stride 1 with pool and channel batch norm, SAME stride 2 with batch
 * norm, then dense layers on the flattened output; squared hinge.
 */
@Network(input = {9, 8, 2}, classes = 3, binarization = Binarization.DETERMINISTIC)
@Training(batchSize = 4)
public class ConvGradientNet {

    // 2x9x8 -> 3x9x8 -> pool 3x4x4
    @Conv2D(filters = 3, kernel = 3) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv1;

    // 3x4x4 -> 4x2x2
    @Conv2D(filters = 4, kernel = 3, stride = 2, padding = Padding.SAME) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv2;

    @Dense(units = 5) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 3) @BatchNorm
    Layer output;
}
