package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.opentest4j.AssertionFailedError;

/** The finite-difference machinery itself: it accepts a right gradient and rejects slightly wrong ones. */
class GradientCheckTest {

    /** f(x) = sum(sin(x) * x^2), gradient cos(x) x^2 + 2 x sin(x). */
    private static double f(INDArray x) {
        Buf b = Buf.of(x);
        double sum = 0;
        for (int i = 0; i < b.length(); i++) {
            double v = b.get(i);
            sum += Math.sin(v) * v * v;
        }
        return sum;
    }

    private static INDArray exactGradient(INDArray x) {
        INDArray g = x.dup();
        Buf b = Buf.of(g);
        for (int i = 0; i < b.length(); i++) {
            double v = b.get(i);
            b.set(i, Math.cos(v) * v * v + 2 * v * Math.sin(v));
        }
        return g;
    }

    @Test
    void acceptsTheExactGradientOfASmoothFunction() {
        INDArray x = GradientCheck.uniform(new Rng(1), -2, 2, 3, 4);
        GradientCheck.assertGradient("sin(x) x^2", exactGradient(x), () -> f(x), x);
    }

    @Test
    void rejectsAGradientOffByOnePartInTenThousand() {
        INDArray x = GradientCheck.uniform(new Rng(2), -2, 2, 3, 4);
        INDArray wrong = exactGradient(x).muli(1 + 1e-4);
        assertTrue(GradientCheck.maxRelativeError(wrong, GradientCheck.numericalGradient(() -> f(x), x))
                > GradientCheck.MAX_RELATIVE_ERROR);
        assertThrows(AssertionFailedError.class, () -> GradientCheck.assertGradient("wrong", wrong, () -> f(x), x));
    }

    @Test
    void rejectsAGradientWithTwoEntriesSwapped() {
        INDArray x = GradientCheck.uniform(new Rng(3), -2, 2, 2, 3);
        INDArray swapped = exactGradient(x);
        double first = swapped.getDouble(0, 0);
        swapped.putScalar(0, 0, swapped.getDouble(1, 2));
        swapped.putScalar(1, 2, first);
        assertThrows(AssertionFailedError.class,
                () -> GradientCheck.assertGradient("swapped", swapped, () -> f(x), x));
    }

    @Test
    void rejectsAnAllZeroGradientAsVacuous() {
        INDArray x = GradientCheck.uniform(new Rng(4), -2, 2, 2, 2);
        assertThrows(AssertionFailedError.class,
                () -> GradientCheck.assertGradient("zeros", x.mul(0), () -> 0.0, x));
    }

    @Test
    void leavesThePerturbedInputUnchanged() {
        INDArray x = GradientCheck.uniform(new Rng(5), -2, 2, 3, 3);
        double[] before = x.data().asDouble();
        GradientCheck.numericalGradient(() -> f(x), x);
        assertArrayEquals(before, x.data().asDouble());
    }

    @Test
    void relativeErrorIsFlooredForTinyValues() {
        assertTrue(GradientCheck.relativeError(0, 1e-12) < 1e-3);
        assertTrue(GradientCheck.relativeError(1.0, 1.0 + 1e-6) < 1e-6);
        assertTrue(GradientCheck.relativeError(1.0, -1.0) == 1.0);
    }
}
