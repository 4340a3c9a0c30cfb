package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InitTest {

    @Test
    void glorotHIsSqrtOfOnePointFiveOverFanInPlusFanOut() {
        assertEquals(Math.sqrt(1.5 / (784 + 2048)), Init.glorotH(784, 2048), 1e-16);
        assertEquals(Math.sqrt(1.5 / (3 * 9 + 128 * 9)), Init.glorotH(3 * 9, 128 * 9), 1e-16);
    }

    @Test
    void uniformFillsWithinPlusMinusLimitAndSpansIt() {
        int n = 100_000;
        double limit = 0.37;
        INDArray a = Nd4j.create(DataType.DOUBLE, n);
        Init.uniform(a, limit, new Rng(12));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double v : a.data().asDouble()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertTrue(min >= -limit && max < limit, "range [" + min + ", " + max + "]");
        assertTrue(min < -0.99 * limit && max > 0.99 * limit, "does not span the range: [" + min + ", " + max + "]");
        // Uniform(-L, L) has standard deviation L / sqrt(3)
        assertEquals(0, sum / n, 5 * limit / Math.sqrt(3 * n));
    }

    @Test
    void glorotUniformUsesLimitSqrtSixOverFanInPlusFanOut() {
        INDArray a = Nd4j.create(DataType.DOUBLE, 50_000);
        Init.glorotUniform(a, 10, 20, new Rng(13));
        double limit = Math.sqrt(6.0 / 30);
        double maxAbs = 0;
        for (double v : a.data().asDouble()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs <= limit && maxAbs > 0.99 * limit, "max |value| " + maxAbs + " for limit " + limit);
    }
}
