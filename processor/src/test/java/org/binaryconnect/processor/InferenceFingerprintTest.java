package org.binaryconnect.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.binaryconnect.processor.specs.Cifar10CnnInference;
import org.binaryconnect.processor.specs.Cifar10CnnNetwork;
import org.binaryconnect.processor.specs.ConvGradientNetInference;
import org.binaryconnect.processor.specs.ConvGradientNetNetwork;
import org.binaryconnect.processor.specs.ConvInferenceNetInference;
import org.binaryconnect.processor.specs.ConvInferenceNetNetwork;
import org.binaryconnect.processor.specs.ConvValidNetInference;
import org.binaryconnect.processor.specs.ConvValidNetNetwork;
import org.binaryconnect.processor.specs.HingeGradientNetInference;
import org.binaryconnect.processor.specs.HingeGradientNetNetwork;
import org.binaryconnect.processor.specs.SoftmaxGradientNetInference;
import org.binaryconnect.processor.specs.SoftmaxGradientNetNetwork;
import org.binaryconnect.processor.specs.ThreeLayerNetInference;
import org.binaryconnect.processor.specs.ThreeLayerNetNetwork;
import org.binaryconnect.processor.specs.TinyInferenceNetInference;
import org.binaryconnect.processor.specs.TinyInferenceNetNetwork;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint the processor writes into an inference class is the one the runtime computes for the trained
 * network (and writes into the packed file), for specs covering every layer option.
 */
class InferenceFingerprintTest {

    @Test
    void processorFingerprintEqualsTheRuntimes() {
        assertEquals(HingeGradientNetNetwork.DESCRIPTION.fingerprint(), HingeGradientNetInference.FINGERPRINT);
        assertEquals(SoftmaxGradientNetNetwork.DESCRIPTION.fingerprint(), SoftmaxGradientNetInference.FINGERPRINT);
        assertEquals(ThreeLayerNetNetwork.DESCRIPTION.fingerprint(), ThreeLayerNetInference.FINGERPRINT);
        assertEquals(ConvInferenceNetNetwork.DESCRIPTION.fingerprint(), ConvInferenceNetInference.FINGERPRINT);
        assertEquals(TinyInferenceNetNetwork.DESCRIPTION.fingerprint(), TinyInferenceNetInference.FINGERPRINT);
        // conv layers: SAME and VALID padding, strides, pools, channel batch norm
        assertEquals(ConvGradientNetNetwork.DESCRIPTION.fingerprint(), ConvGradientNetInference.FINGERPRINT);
        assertEquals(ConvValidNetNetwork.DESCRIPTION.fingerprint(), ConvValidNetInference.FINGERPRINT);
        assertEquals(ConvInferenceNetNetwork.DESCRIPTION.fingerprint(), ConvInferenceNetInference.FINGERPRINT);
        assertEquals(Cifar10CnnNetwork.DESCRIPTION.fingerprint(), Cifar10CnnInference.FINGERPRINT);
    }

    @Test
    void shapesMatchTheTrainingClass() {
        assertEquals(ConvInferenceNetNetwork.INPUT_SIZE, ConvInferenceNetInference.INPUT_SIZE);
        assertEquals(ConvInferenceNetNetwork.CLASSES, ConvInferenceNetInference.CLASSES);
        assertEquals(ConvInferenceNetNetwork.DESCRIPTION.name(), ConvInferenceNetInference.NETWORK_NAME);
    }
}
