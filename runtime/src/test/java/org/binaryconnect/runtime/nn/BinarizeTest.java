package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BinarizeTest {

    private static final double H = 0.75;

    private static double hardSigmoid(double x) {
        return Math.max(0, Math.min(1, (x + 1) / 2));
    }

    @Test
    void deterministicGivesPlusHForNonNegativeWeightsIncludingZeroAndMinusHElsewhere() {
        double[] w = {-2 * H, -H, -0.3 * H, -1e-12, -0.0, 0.0, 1e-12, 0.3 * H, H, 2 * H};
        // round(hard_sigmoid(W / H)) rounds 0.5 up, so W = 0 (of either sign bit) gives +H
        double[] expected = {-H, -H, -H, -H, H, H, H, H, H, H};
        INDArray wb = Nd4j.create(DataType.DOUBLE, w.length);
        Binarize.deterministic(Nd4j.createFromArray(w), wb, H);
        assertArrayEquals(expected, wb.data().asDouble());
    }

    @Test
    void deterministicWorksInSinglePrecisionAndLeavesTheRealWeightsAlone() {
        INDArray w = Nd4j.createFromArray(-0.5f, 0.0f, 0.25f, -1e-30f);
        INDArray wb = Nd4j.create(DataType.FLOAT, 4);
        float h = 0.1f;
        Binarize.deterministic(w, wb, h);
        assertArrayEquals(new float[] {-h, h, h, -h}, wb.data().asFloat());
        assertArrayEquals(new float[] {-0.5f, 0.0f, 0.25f, -1e-30f}, w.data().asFloat());
    }

    /**
     * Over N draws the count of +H is Binomial(N, p) with p = hard_sigmoid(W / H); the frequency is accepted
     * within 5 standard deviations sqrt(p (1 - p) / N), and must be exact where p is 0 or 1.
     */
    @ParameterizedTest(name = "W = {0} H")
    @ValueSource(doubles = {-3, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 3})
    void stochasticGivesOnlyPlusOrMinusHWithProbabilityHardSigmoidOfWOverH(double wOverH) {
        int n = 40_000;
        INDArray w = Nd4j.create(DataType.DOUBLE, n).assign(wOverH * H);
        INDArray wb = Nd4j.create(DataType.DOUBLE, n);
        Binarize.stochastic(w, wb, H, new Rng(1234));
        int plus = 0;
        for (double v : wb.data().asDouble()) {
            assertTrue(v == H || v == -H, "binarized value " + v);
            plus += v == H ? 1 : 0;
        }
        double p = hardSigmoid(wOverH);
        double frequency = (double) plus / n;
        if (p == 0 || p == 1) {
            assertEquals(p, frequency, 0.0);
        } else {
            assertEquals(p, frequency, 5 * Math.sqrt(p * (1 - p) / n), "frequency of +H");
        }
    }

    @Test
    void stochasticDrawsIndependentlyForEveryWeightInOneArray() {
        // a varied array: the expected number of +H is the sum of the per-weight probabilities
        int n = 40_000;
        Rng values = new Rng(9);
        INDArray w = Nd4j.create(DataType.DOUBLE, n);
        double expected = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double wi = (2.4 * values.nextDouble() - 1.2) * H;
            w.putScalar(i, wi);
            double p = hardSigmoid(wi / H);
            expected += p;
            variance += p * (1 - p);
        }
        INDArray wb = Nd4j.create(DataType.DOUBLE, n);
        Binarize.stochastic(w, wb, H, new Rng(10));
        int plus = 0;
        int wrongSideOfBound = 0;
        for (int i = 0; i < n; i++) {
            boolean isPlus = wb.getDouble(i) == H;
            plus += isPlus ? 1 : 0;
            double wi = w.getDouble(i);
            if ((wi >= H && !isPlus) || (wi <= -H && isPlus)) {
                wrongSideOfBound++;
            }
        }
        assertEquals(0, wrongSideOfBound, "weights at or beyond +-H must binarize to their sign");
        assertEquals(expected, plus, 5 * Math.sqrt(variance));
    }

    @Test
    void stochasticNeverGivesPlusHAtMinusHEvenWhenTheUniformDrawIsExactlyZero() {
        // SplitMix64 outputs 0 when its incremented state is 0: with this seed the first nextFloat() is exactly 0
        long zeroDrawSeed = -0x9E3779B97F4A7C15L;
        assertEquals(0.0f, new Rng(zeroDrawSeed).nextFloat());
        INDArray wb = Nd4j.create(DataType.DOUBLE, 1);
        Binarize.stochastic(Nd4j.createFromArray(-H), wb, H, new Rng(zeroDrawSeed));
        assertEquals(-H, wb.getDouble(0), 0.0, "p = 0 must never give +H");
        Binarize.stochastic(Nd4j.createFromArray(-0.999 * H), wb, H, new Rng(zeroDrawSeed));
        assertEquals(H, wb.getDouble(0), 0.0, "a draw of 0 is below any p > 0");
    }

    @Test
    void stochasticWithTheSameSeedGivesTheSameResult() {
        INDArray w = GradientCheck.uniform(new Rng(3), -H, H, 1000);
        INDArray a = Nd4j.create(DataType.DOUBLE, 1000);
        INDArray b = Nd4j.create(DataType.DOUBLE, 1000);
        Binarize.stochastic(w, a, H, new Rng(99));
        Binarize.stochastic(w, b, H, new Rng(99));
        assertArrayEquals(a.data().asDouble(), b.data().asDouble());
    }

    @Test
    void stochasticDrawsAFreshSampleOnEveryCall() {
        INDArray w = Nd4j.create(DataType.DOUBLE, 1000); // all zeros: p = 1/2 everywhere
        INDArray first = Nd4j.create(DataType.DOUBLE, 1000);
        INDArray second = Nd4j.create(DataType.DOUBLE, 1000);
        Rng rng = new Rng(99);
        Binarize.stochastic(w, first, H, rng);
        Binarize.stochastic(w, second, H, rng);
        assertFalse(Arrays.equals(first.data().asDouble(), second.data().asDouble()));
        INDArray otherSeed = Nd4j.create(DataType.DOUBLE, 1000);
        Binarize.stochastic(w, otherSeed, H, new Rng(100));
        assertFalse(Arrays.equals(first.data().asDouble(), otherSeed.data().asDouble()));
    }

    @Test
    void realCopiesTheRealValuedWeights() {
        INDArray w = GradientCheck.uniform(new Rng(4), -H, H, 3, 4);
        INDArray wb = Nd4j.create(DataType.DOUBLE, 3, 4);
        Binarize.real(w, wb);
        assertArrayEquals(w.data().asDouble(), wb.data().asDouble());
    }
}
