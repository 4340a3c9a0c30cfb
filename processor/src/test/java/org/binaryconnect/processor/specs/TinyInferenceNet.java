package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;

/** Small enough to check the generated inference class against a hand computation: binary, full, binary. */
@Network(input = {5}, classes = 3, binarization = Binarization.DETERMINISTIC)
public class TinyInferenceNet {

    @Dense(units = 7) @BatchNorm @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 4, binary = false) @Activation(Nonlinearity.RELU)
    Layer middle;

    @Dense(units = 3) @BatchNorm
    Layer output;
}
