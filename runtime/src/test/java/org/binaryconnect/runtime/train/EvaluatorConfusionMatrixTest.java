package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class EvaluatorConfusionMatrixTest {

    @Test
    void countsThePredictionsOfTheDeclaredWeightsAgainstTheLabels() {
        // Samples bright at features 2, 0, 1, 1 with labels 2, 0, 0, 1: the scripted network predicts the bright one.
        byte[] pixels = new byte[4 * 3];
        int[] bright = {2, 0, 1, 1};
        for (int i = 0; i < bright.length; i++) {
            pixels[i * 3 + bright[i]] = (byte) 255;
        }
        Samples samples = Samples.of(pixels, new byte[] {2, 0, 0, 1}, 3);
        ScriptedScoresNetwork network = new ScriptedScoresNetwork(3, EvaluationWeights.BINARY, 1, new double[3]);
        Evaluator evaluator = new Evaluator(network);

        ConfusionMatrix matrix = evaluator.confusionMatrix(samples);

        assertEquals(4, matrix.total());
        assertEquals(1, matrix.count(0, 0));
        assertEquals(1, matrix.count(0, 1));
        assertEquals(1, matrix.count(1, 1));
        assertEquals(1, matrix.count(2, 2));
        assertEquals(0.75, matrix.accuracy());
        assertEquals(evaluator.accuracy(samples), matrix.accuracy());
        assertEquals(List.of(EvaluationWeights.BINARY, EvaluationWeights.BINARY), network.preparations);
    }
}
