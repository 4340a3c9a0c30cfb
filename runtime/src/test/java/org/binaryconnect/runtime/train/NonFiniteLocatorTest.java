package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a NaN first appears, over several layers: the first activation in forward order that holds one is named,
 * not a later one (which the fault then spreads to), and not the first layer when it is clean.
 */
class NonFiniteLocatorTest {

    private static TrainableNetwork withActivations(List<NamedArray> activations) {
        return new ForwardingNetwork(new LinearSoftmaxNetwork(DataType.FLOAT, 77)) {
            @Override
            public List<NamedArray> activations() {
                return activations;
            }
        };
    }

    private static NamedArray clean(String name) {
        return new NamedArray(name, Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}}));
    }

    private static NamedArray poisoned(String name, float value) {
        return new NamedArray(name, Nd4j.createFromArray(new float[][] {{1, 2}, {3, value}}));
    }

    @Test
    void namesTheFirstLayerInForwardOrderWhoseActivationsAreNotFinite() {
        TrainableNetwork network = withActivations(List.of(clean("hidden1.z"), clean("hidden1.output"),
                poisoned("hidden2.z", Float.NaN), poisoned("hidden2.output", Float.NaN),
                poisoned("output.z", Float.POSITIVE_INFINITY)));
        assertEquals("NaN or infinite values first appear in layer hidden2 (hidden2.z)",
                NonFiniteLocator.locate(network));
    }

    @Test
    void anInfinityCountsAndALaterActivationOfTheSameLayerIsNamedWhenItIsTheFirst() {
        TrainableNetwork network = withActivations(List.of(clean("hidden1.z"), clean("hidden1.output"),
                clean("hidden2.z"), poisoned("hidden2.output", Float.NEGATIVE_INFINITY),
                poisoned("output.z", Float.NaN)));
        assertEquals("NaN or infinite values first appear in layer hidden2 (hidden2.output)",
                NonFiniteLocator.locate(network));
    }

    @Test
    void cleanActivationsAndParametersNameNothing() {
        assertEquals("", NonFiniteLocator.locate(withActivations(List.of(clean("hidden1.z"), clean("output.z")))));
    }
}
