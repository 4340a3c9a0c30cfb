package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossKernelsTest {

    private static final int BATCH = 6;
    private static final int CLASSES = 4;

    private static int[] labels(Rng rng, int rows, int classes) {
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = rng.nextInt(classes);
        }
        return labels;
    }

    @Test
    void squaredHingeValueAndGradientMatchAHandComputedExample() {
        // row 0, label 0, targets (+1, -1, -1): margins 0.5, -1 (inactive), 1.2
        // row 1, label 2, targets (-1, -1, +1): margins 2.5, 1, 1.5
        INDArray scores = Nd4j.createFromArray(new double[][] {{0.5, -2, 0.2}, {1.5, 0, -0.5}});
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 2, 3);
        double loss = LossKernels.squaredHinge(scores, new int[] {0, 2}, gradient);
        assertEquals((0.25 + 0 + 1.44 + 6.25 + 1 + 2.25) / 6, loss, 1e-15);
        // d/dy of max(0, 1 - t y)^2 / 6 is -2 t m / 6
        assertArrayEquals(new double[] {-2 * 0.5 / 6, 0, 2 * 1.2 / 6, 2 * 2.5 / 6, 2 * 1.0 / 6, -2 * 1.5 / 6},
                gradient.data().asDouble(), 1e-15);
    }

    @Test
    void squaredHingeIsZeroWhenEveryMarginIsMet() {
        INDArray scores = Nd4j.createFromArray(new double[][] {{1, -1, -3}, {-2, 1.5, -1}});
        INDArray gradient = Nd4j.createFromArray(new double[][] {{9, 9, 9}, {9, 9, 9}});
        assertEquals(0.0, LossKernels.squaredHinge(scores, new int[] {0, 1}, gradient));
        assertArrayEquals(new double[6], gradient.data().asDouble(), 0.0);
    }

    @Test
    void squaredHingeGradientMatchesFiniteDifferencesWithActiveAndInactiveMargins() {
        Rng rng = new Rng(51);
        int[] labels = labels(rng, BATCH, CLASSES);
        INDArray scores = GradientCheck.uniform(rng, -2.5, 2.5, BATCH, CLASSES);
        int active = 0;
        for (int r = 0; r < BATCH; r++) {
            for (int c = 0; c < CLASSES; c++) {
                double t = c == labels[r] ? 1 : -1;
                double margin = 1 - t * scores.getDouble(r, c);
                if (Math.abs(margin) < 0.05) { // keep away from the kink at margin 0
                    scores.putScalar(r, c, scores.getDouble(r, c) + 0.2);
                    margin = 1 - t * scores.getDouble(r, c);
                }
                active += margin > 0 ? 1 : 0;
            }
        }
        assertTrue(active > 0 && active < BATCH * CLASSES, "need both active and inactive margins, active=" + active);
        INDArray gradient = Nd4j.create(DataType.DOUBLE, BATCH, CLASSES);
        LossKernels.squaredHinge(scores, labels, gradient);
        GradientCheck.assertGradient("squared hinge", gradient,
                () -> LossKernels.squaredHinge(scores, labels, null), scores);
    }

    @Test
    void softmaxCrossEntropyValueAndGradientMatchAHandComputedExample() {
        // row 0: softmax (1/6, 2/6, 3/6), label 2; row 1: uniform, label 0
        INDArray scores = Nd4j.createFromArray(new double[][] {{0, Math.log(2), Math.log(3)}, {1, 1, 1}});
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 2, 3);
        double loss = LossKernels.softmaxCrossEntropy(scores, new int[] {2, 0}, gradient);
        assertEquals((-Math.log(0.5) - Math.log(1.0 / 3)) / 2, loss, 1e-15);
        assertArrayEquals(new double[] {1.0 / 12, 1.0 / 6, -1.0 / 4, -1.0 / 3, 1.0 / 6, 1.0 / 6},
                gradient.data().asDouble(), 1e-15);
    }

    @Test
    void softmaxCrossEntropyStaysFiniteForLargeScores() {
        INDArray scores = Nd4j.createFromArray(new double[][] {{1000, 0}, {1000, 0}});
        INDArray gradient = Nd4j.create(DataType.DOUBLE, 2, 2);
        double loss = LossKernels.softmaxCrossEntropy(scores, new int[] {0, 1}, gradient);
        assertEquals(1000.0 / 2, loss, 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5, -0.5}, gradient.data().asDouble(), 1e-15);
    }

    @Test
    void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        Rng rng = new Rng(53);
        int[] labels = labels(rng, BATCH, CLASSES);
        INDArray scores = GradientCheck.uniform(rng, -3, 3, BATCH, CLASSES);
        INDArray gradient = Nd4j.create(DataType.DOUBLE, BATCH, CLASSES);
        LossKernels.softmaxCrossEntropy(scores, labels, gradient);
        GradientCheck.assertGradient("softmax cross-entropy", gradient,
                () -> LossKernels.softmaxCrossEntropy(scores, labels, null), scores);
    }
}
