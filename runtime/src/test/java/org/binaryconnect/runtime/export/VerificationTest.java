package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.ByteScaling;
import org.binaryconnect.runtime.data.Preprocessing;
import org.junit.jupiter.api.Test;

class VerificationTest {

    @Test
    void aNetworkEvaluatedWithOtherWeightsShowsThatFigureTooInTheLineAndTheCard() {
        Verification stochastic = Verification.verified("fashion-mnist", 10_000, 0.8123, 0.8123,
                EvaluationWeights.REAL, 0.8456, 0, null);

        assertEquals("shipped model: test accuracy 0.8123 (10000 samples); trained network with binary weights:"
                + " 0.8123; trained network with its evaluation weights (REAL): 0.8456", stochastic.line());
        String card = card(stochastic, Preprocessing.authorsCifarTen());
        assertTrue(card.contains("\"evaluationWeights\": \"REAL\""), card);
        assertTrue(card.contains("\"evaluationWeightsAccuracy\": 0.8456"), card);
        assertTrue(card.contains("\"steps\": \"scale-1-1,gcn,zca\""), card);
    }

    @Test
    void tiesAreCountedInTheLine() {
        Verification tie = Verification.verified("fashion-mnist", 10_000, 0.8503, 0.8504, EvaluationWeights.BINARY,
                0.8504, 1, "test sample 8476 (0-based) is class 2 ...");

        assertEquals("shipped model: test accuracy 0.8503 (10000 samples); trained network with binary weights:"
                + " 0.8504; 1 sample is predicted differently at a tie within rounding (test sample 8476 (0-based)"
                + " is class 2 ...)", tie.line());
        assertFalse(card(tie, Preprocessing.defaults()).contains("evaluationWeightsAccuracy"));
    }

    @Test
    void preprocessingStepsAreWrittenAsAUserWritesThem() {
        assertEquals("scale-0-1,center", ModelCard.steps(Preprocessing.defaults().withScaling(ByteScaling.ZERO_TO_ONE)
                .withCentering(true)));
        assertEquals("scale-1-1", ModelCard.steps(Preprocessing.parse("scale-1-1")));
    }

    private static String card(Verification verification, Preprocessing preprocessing) {
        return new ModelCard("Mlp", "com.example.Mlp", "ab", "1.0", "com/example/Mlp.bcpk", 10, "cd", null,
                preprocessing, verification).json();
    }
}
