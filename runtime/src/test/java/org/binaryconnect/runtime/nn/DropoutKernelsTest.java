package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DropoutKernelsTest {

    @Test
    void maskHoldsOnlyZeroOrInverseKeepProbabilityAtTheRequestedRate() {
        double rate = 0.3;
        int n = 20_000;
        INDArray mask = Nd4j.create(DataType.DOUBLE, n);
        DropoutKernels.sampleMask(mask, rate, new Rng(5));
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            double m = mask.getDouble(i);
            assertTrue(m == 0 || m == 1 / (1 - rate), "mask value " + m);
            dropped += m == 0 ? 1 : 0;
        }
        double sigma = Math.sqrt(rate * (1 - rate) / n);
        assertEquals(rate, (double) dropped / n, 5 * sigma, "dropped fraction");
    }

    @Test
    void sameSeedGivesTheSameMask() {
        INDArray a = Nd4j.create(DataType.DOUBLE, 500);
        INDArray b = Nd4j.create(DataType.DOUBLE, 500);
        DropoutKernels.sampleMask(a, 0.5, new Rng(77));
        DropoutKernels.sampleMask(b, 0.5, new Rng(77));
        assertArrayEquals(a.data().asDouble(), b.data().asDouble());
    }

    @Test
    void forwardAndBackwardWithAFixedMaskMatchFiniteDifferences() {
        Rng rng = new Rng(31);
        INDArray mask = Nd4j.create(DataType.DOUBLE, 6, 5);
        DropoutKernels.sampleMask(mask, 0.5, rng);
        INDArray x = GradientCheck.uniform(rng, -1, 1, 6, 5);
        INDArray r = GradientCheck.uniform(rng, -1, 1, 6, 5);
        GradientCheck.ScalarFunction loss = () -> {
            INDArray y = x.dup();
            DropoutKernels.applyMask(y, mask);
            return GradientCheck.dot(y, r);
        };
        INDArray dx = r.dup();
        DropoutKernels.applyMask(dx, mask);

        double dropped = 0;
        for (int i = 0; i < mask.length(); i++) {
            dropped += mask.getDouble(i) == 0 ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < mask.length(), "the mask must both drop and keep");
        GradientCheck.assertGradient("dropout dx", dx, loss, x);
    }
}
