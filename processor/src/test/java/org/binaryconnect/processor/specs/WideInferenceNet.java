package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;

/** Binary layers over several 64-bit words: 130 inputs (three words, padded), then exactly 64 (one full word). */
@Network(input = {2, 65}, classes = 3, binarization = Binarization.DETERMINISTIC)
public class WideInferenceNet {

    @Dense(units = 64) @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 3)
    Layer output;
}
