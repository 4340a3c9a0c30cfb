package org.binaryconnect.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    // true:      0  0  0  1  1  2  2  2  2
    // predicted: 0  0  1  1  2  2  2  0  2
    private static final int[] LABELS = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 1, 1, 2, 2, 2, 0, 2};

    @Test
    void rowsAreTrueClassesAndColumnsPredictedOnes() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, LABELS, PREDICTED);

        long[][] expected = {{2, 1, 0}, {0, 1, 1}, {1, 0, 3}};
        for (int t = 0; t < 3; t++) {
            for (int p = 0; p < 3; p++) {
                assertEquals(expected[t][p], matrix.count(t, p), "true " + t + ", predicted " + p);
            }
        }
        assertEquals(9, matrix.total());
        assertEquals(6, matrix.correct());
        assertEquals(6 / 9.0, matrix.accuracy(), 1e-15);
    }

    @Test
    void perClassAccuracyIsTheDiagonalOverTheRow() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, LABELS, PREDICTED);

        assertEquals(3, matrix.samples(0));
        assertEquals(2 / 3.0, matrix.classAccuracy(0), 1e-15);
        assertEquals(0.5, matrix.classAccuracy(1), 1e-15);
        assertEquals(0.75, matrix.classAccuracy(2), 1e-15);
    }

    @Test
    void aClassWithoutSamplesHasNoAccuracy() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, new int[] {0, 1}, new int[] {2, 1});

        assertEquals(0, matrix.samples(2));
        assertTrue(Double.isNaN(matrix.classAccuracy(2)));
        assertEquals(0.5, matrix.accuracy(), 1e-15);
        assertTrue(Double.isNaN(ConfusionMatrix.of(3, new int[0], new int[0]).accuracy()));
    }

    @Test
    void refusesMismatchedArraysAndClassesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(3, new int[] {0}, new int[0]));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(3, new int[] {3}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(3, new int[] {0}, new int[] {-1}));
    }
}
