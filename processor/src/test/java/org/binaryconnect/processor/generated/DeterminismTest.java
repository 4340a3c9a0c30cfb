package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.binaryconnect.processor.specs.HingeGradientNetNetwork;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Training is a function of the seed: stochastic binarization, dropout and initialisation draw from the network's
 * own generator, so two networks with one seed end in bit-identical states, and another seed ends elsewhere.
 */
class DeterminismTest {

    @Test
    void sameSeedSameStateDifferentSeedDifferentState() {
        List<NamedArray> first = train(new HingeGradientNetNetwork(DataType.FLOAT, 42));
        List<NamedArray> second = train(new HingeGradientNetNetwork(DataType.FLOAT, 42));
        List<NamedArray> other = train(new HingeGradientNetNetwork(DataType.FLOAT, 43));
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).array(), second.get(i).array(), first.get(i).name());
        }
        assertNotEquals(first.get(0).array(), other.get(0).array(), "a different seed trains differently");
    }

    private static List<NamedArray> train(TrainableNetwork network) {
        for (int step = 0; step < 30; step++) {
            Batches.fillRandom(network, step);
            network.trainStep(1e-2);
        }
        return network.state().stream().map(s -> new NamedArray(s.name(), s.array().dup())).toList();
    }
}
