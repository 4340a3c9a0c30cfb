package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference machinery for the kernel gradient checks: central differences in double precision,
 * compared element by element with {@code |a - n| / max(1e-8, |a| + |n|)}.
 */
final class GradientCheck {

    /** Central-difference step. */
    static final double STEP = 1e-6;
    /** Largest accepted relative error between an analytic gradient and its finite-difference estimate. */
    static final double MAX_RELATIVE_ERROR = 1e-5;
    /** Floor of the relative-error denominator, so that two tiny values do not blow it up. */
    static final double DENOMINATOR_FLOOR = 1e-8;

    /** A scalar function of arrays that the check perturbs in place. */
    @FunctionalInterface
    interface ScalarFunction {
        double evaluate();
    }

    private GradientCheck() {
    }

    /** A new double array of the given shape, filled Uniform(low, high) from a seeded {@link Rng}. */
    static INDArray uniform(Rng rng, double low, double high, long... shape) {
        INDArray array = Nd4j.create(DataType.DOUBLE, shape);
        Buf b = Buf.of(array);
        for (int i = 0, n = b.length(); i < n; i++) {
            b.set(i, low + (high - low) * rng.nextDouble());
        }
        return array;
    }

    /** A new double array with magnitudes in [minMagnitude, maxMagnitude] and random signs: no value near zero. */
    static INDArray awayFromZero(Rng rng, double minMagnitude, double maxMagnitude, long... shape) {
        INDArray array = Nd4j.create(DataType.DOUBLE, shape);
        Buf b = Buf.of(array);
        for (int i = 0, n = b.length(); i < n; i++) {
            double magnitude = minMagnitude + (maxMagnitude - minMagnitude) * rng.nextDouble();
            b.set(i, rng.nextFloat() < 0.5f ? -magnitude : magnitude);
        }
        return array;
    }

    /** {@code sum(a * b)}, accumulated in double. */
    static double dot(INDArray a, INDArray b) {
        Buf x = Buf.of(a);
        Buf y = Buf.of(b);
        assertEquals(x.length(), y.length(), "dot of arrays of different lengths");
        double sum = 0;
        for (int i = 0, n = x.length(); i < n; i++) {
            sum += x.get(i) * y.get(i);
        }
        return sum;
    }

    /** dF/dx by central differences; {@code x} is perturbed in place, one element at a time, and restored. */
    static INDArray numericalGradient(ScalarFunction f, INDArray x) {
        assertEquals(DataType.DOUBLE, x.dataType(), "gradient checks run in double precision");
        INDArray gradient = Nd4j.create(DataType.DOUBLE, x.shape());
        Buf xb = Buf.of(x);
        Buf gb = Buf.of(gradient);
        for (int i = 0, n = xb.length(); i < n; i++) {
            double original = xb.get(i);
            xb.set(i, original + STEP);
            double plus = f.evaluate();
            xb.set(i, original - STEP);
            double minus = f.evaluate();
            xb.set(i, original);
            gb.set(i, (plus - minus) / (2 * STEP));
        }
        return gradient;
    }

    static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(DENOMINATOR_FLOOR, Math.abs(analytic) + Math.abs(numeric));
    }

    static double maxRelativeError(INDArray analytic, INDArray numeric) {
        Buf a = Buf.of(analytic);
        Buf n = Buf.of(numeric);
        assertEquals(a.length(), n.length(), "analytic and numeric gradients differ in length");
        double worst = 0;
        for (int i = 0; i < a.length(); i++) {
            worst = Math.max(worst, relativeError(a.get(i), n.get(i)));
        }
        return worst;
    }

    /**
     * Asserts that {@code analytic} is dF/dx within {@link #MAX_RELATIVE_ERROR}, and that it is not all zeros
     * (comparing zeros with zeros would show nothing).
     */
    static void assertGradient(String what, INDArray analytic, ScalarFunction f, INDArray x) {
        assertEquals(x.length(), analytic.length(), what + ": gradient and input differ in length");
        double largest = 0;
        Buf a = Buf.of(analytic);
        for (int i = 0; i < a.length(); i++) {
            largest = Math.max(largest, Math.abs(a.get(i)));
        }
        assertTrue(largest > 1e-6, what + ": analytic gradient is (almost) all zeros, the check would be vacuous");
        INDArray numeric = numericalGradient(f, x);
        double error = maxRelativeError(analytic, numeric);
        assertTrue(error < MAX_RELATIVE_ERROR, () -> what + ": max relative error " + error + "\nanalytic "
                + analytic + "\nnumeric  " + numeric);
    }
}
