package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.inference.InputPipeline;
import org.junit.jupiter.api.Test;

class VerificationTest {

    @Test
    void aNetworkEvaluatedWithOtherWeightsShowsThatFigureTooInTheLineAndTheCard() {
        Verification stochastic = Verification.verified("fashion-mnist", 10_000, 0.8123, 0.8123,
                EvaluationWeights.REAL, 0.8456, 0, null);

        assertEquals("shipped model: test accuracy 0.8123 (10000 samples); trained network with binary weights:"
                + " 0.8123; trained network with its evaluation weights (REAL): 0.8456", stochastic.line());
        String card = card(stochastic, DEFAULT_PIPELINE.withContrastNormalization(55)
                .withWhitening(new double[] {0, 0}, new float[] {1, 0, 0, 1}));
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
        assertFalse(card(tie, DEFAULT_PIPELINE).contains("evaluationWeightsAccuracy"));
    }

    @Test
    void preprocessingStepsAreWrittenAsAUserWritesThem() {
        assertEquals("scale-0-1,center", ModelCard.steps(InputPipeline.scaling(2, 0f, 1f)
                .withCentering(new float[] {0.5f, 0.25f})));
        assertEquals("scale-1-1", ModelCard.steps(DEFAULT_PIPELINE));
        assertEquals("scale-1-1,gcn,zca", ModelCard.steps(DEFAULT_PIPELINE.withContrastNormalization(55)
                .withWhitening(new double[] {0, 0}, new float[] {1, 0, 0, 1})));
    }

    @Test
    void theCardRecordsTheFittedValuesByDigestAndTheClassNames() {
        InputPipeline centered = InputPipeline.scaling(2, 0f, 1f).withCentering(new float[] {0.5f, 0.25f});
        InputPipeline otherMeans = InputPipeline.scaling(2, 0f, 1f).withCentering(new float[] {0.5f, 0.375f});
        Verification verified = Verification.verified("data", 10, 0.9, 0.9, EvaluationWeights.BINARY, 0.9, 0, null);
        String card = new ModelCard("Mlp", "com.example.Mlp", "ab", "1.0", "com/example/Mlp.bcpk", 10, "cd", null,
                centered, List.of("T-shirt/top", "Trouser"), verified).json();
        String other = new ModelCard("Mlp", "com.example.Mlp", "ab", "1.0", "com/example/Mlp.bcpk", 10, "cd", null,
                otherMeans, List.of("T-shirt/top", "Trouser"), verified).json();
        assertTrue(card.contains("\"steps\": \"scale-0-1,center\""), card);
        assertTrue(card.contains("\"scaling\": {\"byte0\": 0.0, \"byte255\": 1.0}"), card);
        assertTrue(card.contains("\"centeringMeansSha256\": \""), card);
        assertTrue(card.contains("\"T-shirt/top\""), card);
        assertNotEquals(card, other, "other fitted means give another digest");
    }

    private static final InputPipeline DEFAULT_PIPELINE = InputPipeline.scaling(2, -1f, 1f);

    private static String card(Verification verification, InputPipeline pipeline) {
        return new ModelCard("Mlp", "com.example.Mlp", "ab", "1.0", "com/example/Mlp.bcpk", 10, "cd", null,
                pipeline, List.of(), verification).json();
    }
}
