package org.binaryconnect.processor.specs;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;

/**
 * A binary layer of 200 units: the batch path splits it into parts of at least 64 units, one per processor, so on
 * a machine with two or more processors its units are computed on several threads.
 */
@Network(input = 100, classes = 3, binarization = Binarization.DETERMINISTIC)
public class SplitInferenceNet {

    @Dense(units = 200) @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 3)
    Layer output;
}
