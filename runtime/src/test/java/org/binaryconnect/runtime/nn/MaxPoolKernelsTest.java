package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MaxPoolKernelsTest {

    private static final int BATCH = 2;

    static INDArray forward(PoolShape s, INDArray x) {
        INDArray out = Nd4j.create(x.dataType(), x.size(0), s.outputSize());
        MaxPoolKernels.forward(s, x, out, new int[(int) x.size(0) * s.outputSize()]);
        return out;
    }

    @Test
    void forwardTakesTheMaximumOfEachWindowAndRemembersWhere() {
        // one 4x4 channel, 2x2 windows
        INDArray x = Nd4j.createFromArray(new float[][] {{
            1, 5, 2, 0,
            3, 4, 8, 1,
            0, 0, -1, -2,
            9, 0, -3, -4}});
        PoolShape s = PoolShape.of(1, 4, 4, 2, 2);
        INDArray out = Nd4j.create(DataType.FLOAT, 1, 4);
        int[] argmax = new int[4];
        MaxPoolKernels.forward(s, x, out, argmax);
        assertArrayEquals(new float[] {5, 8, 9, -1}, out.data().asFloat());
        assertArrayEquals(new int[] {1, 6, 12, 10}, argmax);
        INDArray dx = Nd4j.create(DataType.FLOAT, 1, 16).assign(7);
        MaxPoolKernels.backward(s, Nd4j.createFromArray(new float[][] {{10, 20, 30, 40}}), argmax, dx);
        assertArrayEquals(new float[] {0, 10, 0, 0, 0, 0, 20, 0, 0, 0, 40, 0, 30, 0, 0, 0}, dx.data().asFloat());
    }

    @Test
    void windowsThatWouldCrossTheBorderAreDropped() {
        assertEquals(3, PoolShape.of(1, 7, 7, 2, 2).outHeight());
        assertEquals(3, PoolShape.of(1, 7, 7, 3, 2).outHeight());
        assertEquals(7, PoolShape.of(64, 14, 14, 2, 2).outWidth());
    }

    @ParameterizedTest(name = "size {0} stride {1}")
    @CsvSource({"2, 2", "3, 2", "3, 1"})
    void backwardMatchesFiniteDifferences(int size, int stride) {
        PoolShape s = PoolShape.of(3, 7, 6, size, stride);
        Rng rng = new Rng(13 + size);
        // distinct values, so that no window has a tie (where the max has no derivative)
        INDArray x = GradientCheck.uniform(rng, -1, 1, BATCH, s.inputSize());
        INDArray r = GradientCheck.uniform(rng, -1, 1, BATCH, s.outputSize());
        int[] argmax = new int[BATCH * s.outputSize()];
        MaxPoolKernels.forward(s, x, Nd4j.create(DataType.DOUBLE, BATCH, s.outputSize()), argmax);
        INDArray dx = Nd4j.create(DataType.DOUBLE, BATCH, s.inputSize()).assign(3);
        MaxPoolKernels.backward(s, r, argmax, dx);
        GradientCheck.assertGradient("max-pool dx", dx, () -> GradientCheck.dot(forward(s, x), r), x);
    }
}
