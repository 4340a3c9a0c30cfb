package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.Samples;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final double[] NO_OFFSET = {0, 0, 0};

    /**
     * {@code count} samples whose label is {@code i % 3}; each has its one bright feature at the label, except every
     * fifth sample, which is bright at the next class.
     */
    private static Samples samples(int count) {
        byte[] pixels = new byte[count * 3];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 3);
            int bright = i % 5 == 0 ? (i + 1) % 3 : i % 3;
            pixels[i * 3 + bright] = (byte) 255;
        }
        return Samples.of(pixels, labels, 3);
    }

    @Test
    void countsEverySampleIncludingThePartialLastBatch() {
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(4, EvaluationWeights.REAL, 1, NO_OFFSET);

        double accuracy = new Evaluator(network).accuracy(samples(25));

        assertEquals(20 / 25.0, accuracy, 1e-12);
        assertEquals(7, network.predictions);
        assertEquals(List.of(EvaluationWeights.REAL), network.preparations);
    }

    @Test
    void partialBatchReadsOnlyItsRows() {
        // 21 samples in batches of 4: the last batch holds sample 20 (bright at its label's neighbour) over stale
        // rows of samples 17..19; reading those rows would change the count
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(4, EvaluationWeights.BINARY, 1, NO_OFFSET);

        double accuracy = new Evaluator(network).accuracy(samples(21));

        assertEquals(16 / 21.0, accuracy, 1e-12);
    }

    @Test
    void sampledAverageSumsScoresOverFreshSamples() {
        // pass 2 pushes class 2 so far that the sum favours it, although two of three passes favour the label:
        // summing gives class 2 to every sample, voting would not
        double[] pushClassTwo = {0, 0, 10};
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(4, EvaluationWeights.SAMPLED_AVERAGE, 3, NO_OFFSET,
                pushClassTwo, NO_OFFSET);
        Samples samples = samples(30);
        int labelledTwo = 0;
        for (int i = 0; i < samples.size(); i++) {
            labelledTwo += samples.label(i) == 2 ? 1 : 0;
        }

        double accuracy = new Evaluator(network).accuracy(samples);

        assertEquals((double) labelledTwo / 30, accuracy, 1e-12);
        assertEquals(Collections.nCopies(3, EvaluationWeights.SAMPLED_AVERAGE), network.preparations);
        assertEquals(3 * 8, network.predictions);
    }

    @Test
    void explicitModeOverridesTheDeclaredOne() {
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(4, EvaluationWeights.SAMPLED_AVERAGE, 3, NO_OFFSET,
                new double[] {0, 0, 10}, NO_OFFSET);

        double accuracy = new Evaluator(network).accuracy(samples(30), EvaluationWeights.SAMPLED_AVERAGE, 1);

        assertEquals(24 / 30.0, accuracy, 1e-12);
        assertEquals(1, network.preparations.size());
    }

    @Test
    void emptySamplesHaveNoAccuracy() {
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(4, EvaluationWeights.REAL, 1, NO_OFFSET);

        assertTrue(Double.isNaN(new Evaluator(network).accuracy(samples(0))));
    }

    @Test
    void autoAndZeroSamplesAreRejected() {
        Evaluator evaluator = new Evaluator(new ScriptedScoresNetwork(4, EvaluationWeights.REAL, 1, NO_OFFSET));

        assertThrows(IllegalArgumentException.class, () -> evaluator.accuracy(samples(5), EvaluationWeights.AUTO, 1));
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.accuracy(samples(5), EvaluationWeights.SAMPLED_AVERAGE, 0));
    }
}
