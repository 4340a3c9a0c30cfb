package org.binaryconnect.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PredictionsTest {

    @Test
    void argmaxTakesTheFirstOfEqualScores() {
        assertEquals(1, Predictions.argmax(new float[] {0f, 2f, 2f, -1f}));
        assertEquals(0, Predictions.argmax(new float[] {Float.NaN, 1f}));
        assertArrayEquals(new int[] {2, 0}, Predictions.argmax(new float[][] {{0, 1, 3}, {5, 5, 5}}));
    }

    @Test
    void checkLengthSaysWhatItExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.checkLength(783, 784, "features"));
        assertEquals("expected 784 features, got 783", e.getMessage());
    }

    @Test
    void oneAtATimeChecksEveryLengthFirst() {
        float[][] batch = {new float[2], new float[3]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.oneAtATime(batch, 2, x -> {
                    throw new AssertionError("computed before checking");
                }));
        assertEquals("expected 2 features, got 3", e.getMessage());
        assertArrayEquals(new float[][] {{2f}, {4f}}, Predictions.oneAtATime(new float[][] {{1, 1}, {2, 2}}, 2,
                x -> new float[] {x[0] + x[1]}));
    }
}
