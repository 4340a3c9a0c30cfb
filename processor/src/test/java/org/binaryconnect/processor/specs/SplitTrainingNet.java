package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/**
 * Large enough for the kernels' two-thread split (a 256 x 256 binary weight matrix: 65,536 elements, twice
 * {@code Parallel.MIN_SPLIT}): stochastic binarization, Adam, batch norm and dropout all run on both threads.
 */
@Network(input = {256}, classes = 4, binarization = Binarization.STOCHASTIC)
@Training(batchSize = 16, seed = 5)
public class SplitTrainingNet {
    @Dense(units = 256) @BatchNorm @Activation(Nonlinearity.RELU) @Dropout(0.2)
    Layer hidden;
    @Dense(units = 4) @BatchNorm
    Layer output;
}
