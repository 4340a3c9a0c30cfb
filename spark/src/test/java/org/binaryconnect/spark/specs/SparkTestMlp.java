package org.binaryconnect.spark.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

/**
 * Everything that makes averaging hard to get exactly right: stochastic binarization and dropout (random streams),
 * batch norm (running statistics), Adam (moments and step count).
 */
@Network(input = {8, 8}, classes = 4, binarization = Binarization.STOCHASTIC)
@Training(batchSize = 20, epochs = 3, learningRateStart = 3e-3, learningRateEnd = 1e-3, validationSamples = 60,
        seed = 11)
public class SparkTestMlp {

    @Dense(units = 48) @BatchNorm @Activation(Nonlinearity.RELU) @Dropout(0.2)
    Layer hidden;

    @Dense(units = 4) @BatchNorm
    Layer output;
}
