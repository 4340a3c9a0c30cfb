package com.example.tiny;

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

/** A tiny binary CNN: conv 3x3x8 SAME, max-pool 2, batch norm, ReLU, then 10 outputs with batch norm. */
@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC)
@Training(batchSize = 20, epochs = 2, validationSamples = 40)
public class TinyCnn {

    @Conv2D(filters = 8, kernel = 3, padding = Padding.SAME) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer conv;

    @Dense(units = 10) @BatchNorm Layer output;
}
