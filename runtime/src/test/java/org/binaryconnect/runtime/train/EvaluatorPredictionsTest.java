package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.Samples;
import org.junit.jupiter.api.Test;

class EvaluatorPredictionsTest {

    /** Sample i is bright at feature {@code bright[i]}, which the scripted network predicts without offsets. */
    private static Samples samples(int... bright) {
        byte[] pixels = new byte[bright.length * 3];
        byte[] labels = new byte[bright.length];
        for (int i = 0; i < bright.length; i++) {
            pixels[i * 3 + bright[i]] = (byte) 255;
        }
        return Samples.of(pixels, labels, 3);
    }

    @Test
    void predictsEverySampleIncludingThePartialLastBatch() {
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(2, EvaluationWeights.REAL, 1, new double[3]);

        int[] predicted = new Evaluator(network).predictions(samples(2, 0, 1, 1, 0), EvaluationWeights.BINARY, 1);

        assertArrayEquals(new int[] {2, 0, 1, 1, 0}, predicted);
        assertEquals(List.of(EvaluationWeights.BINARY), network.preparations);
        assertEquals(3, network.predictions);
    }

    @Test
    void sampledAverageSumsThePassesBeforeTheArgmax() {
        // pass 1 alone predicts class 2 for every sample (+2.5); summed with pass 2 (-1) the input wins again
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(4, EvaluationWeights.SAMPLED_AVERAGE, 2,
                new double[] {0, 0, 2.5}, new double[] {0, 0, -1});

        int[] predicted = new Evaluator(network).predictions(samples(0, 1, 2), EvaluationWeights.SAMPLED_AVERAGE, 2);

        assertArrayEquals(new int[] {0, 1, 2}, predicted);
        assertEquals(2, network.preparations.size());
    }

    @Test
    void noSamplesNoPredictionsAndAutoIsRefused() {
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(2, EvaluationWeights.REAL, 1, new double[3]);
        Evaluator evaluator = new Evaluator(network);

        assertArrayEquals(new int[0], evaluator.predictions(samples(), EvaluationWeights.REAL, 1));
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.predictions(samples(0), EvaluationWeights.AUTO, 1));
    }
}
