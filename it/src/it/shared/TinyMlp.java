package com.example.tiny;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Training;

@Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC)
@Training(batchSize = 20, epochs = 2, validationSamples = 40)
public class TinyMlp {

    @Dense(units = 32) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden;

    @Dense(units = 10) @BatchNorm Layer output;
}
