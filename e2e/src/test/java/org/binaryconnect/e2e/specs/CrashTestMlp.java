package org.binaryconnect.e2e.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/** Killed over and over by CrashResumeTest: everything that draws random numbers (stochastic weights, dropout). */
@Network(input = {16, 16}, classes = 4, binarization = Binarization.STOCHASTIC)
@Training(batchSize = 50, epochs = 8, learningRateStart = 3e-3, learningRateEnd = 3e-4, validationSamples = 500,
        seed = 99)
public class CrashTestMlp {

    @Dense(units = 512) @BatchNorm @Activation(Nonlinearity.RELU) @Dropout(0.2)
    Layer hidden;

    @Dense(units = 4) @BatchNorm
    Layer output;
}
