package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The dense layer as generated code runs it: {@link Gemm#multiply}, {@link DenseKernels#addBias}, and the transposed
 * products back ({@code dWb = x^T dz}, as {@code Parameter.setGradientToProduct(x, true, dz, false)} computes it, and
 * {@code dx = dz Wb^T}), each with the same transpose flags as the generated code. Every product is production code,
 * so a wrong flag, stride or scale in {@link Gemm} fails the gradient checks (IN and OUT differ, so a swapped
 * transpose cannot pass by symmetry).
 */
class DenseKernelsTest {

    private static final int BATCH = 5;
    private static final int IN = 4;
    private static final int OUT = 3;

    /** z = x @ Wb + b into a fresh array. */
    static INDArray forward(INDArray x, INDArray wb, INDArray b) {
        INDArray z = Nd4j.create(DataType.DOUBLE, x.size(0), wb.size(1));
        Gemm.multiply(x, false, wb, false, z);
        DenseKernels.addBias(z, b);
        return z;
    }

    @Test
    void addBiasAddsTheBiasToEveryRowByColumn() {
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DenseKernels.addBias(z, Nd4j.createFromArray(10.0, 20.0, 30.0));
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, z.data().asDouble());
    }

    @Test
    void biasGradientSumsTheDeltaOverRowsAndOverwritesItsOutput() {
        INDArray delta = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}, {-1, 0.5, 2}});
        INDArray db = Nd4j.createFromArray(99.0, 99.0, 99.0);
        DenseKernels.biasGradient(delta, db);
        assertArrayEquals(new double[] {4, 7.5, 11}, db.data().asDouble(), 1e-15);
    }

    @Test
    void forwardMatchesAnIndependentMatrixProductPlusRowVector() {
        Rng rng = new Rng(7);
        INDArray x = GradientCheck.uniform(rng, -1, 1, BATCH, IN);
        INDArray wb = GradientCheck.uniform(rng, -1, 1, IN, OUT);
        INDArray b = GradientCheck.uniform(rng, -1, 1, OUT);
        INDArray z = forward(x, wb, b);
        for (int r = 0; r < BATCH; r++) {
            for (int j = 0; j < OUT; j++) {
                double expected = b.getDouble(j);
                for (int k = 0; k < IN; k++) {
                    expected += x.getDouble(r, k) * wb.getDouble(k, j);
                }
                assertEquals(expected, z.getDouble(r, j), 1e-14, "z[" + r + "," + j + "]");
            }
        }
    }

    @Test
    void aProductIntoAZeroedOutputAddsToItAndOtherwiseOverwritesIt() {
        Rng rng = new Rng(5);
        INDArray a = GradientCheck.uniform(rng, -1, 1, BATCH, IN);
        INDArray b = GradientCheck.uniform(rng, -1, 1, BATCH, OUT);
        INDArray overwritten = Nd4j.create(DataType.DOUBLE, IN, OUT).assign(42.0);
        Gemm.multiply(a, true, b, false, overwritten);
        INDArray zeroed = Nd4j.create(DataType.DOUBLE, IN, OUT);
        Gemm.multiply(a, true, b, false, zeroed, true);
        for (int i = 0; i < IN; i++) {
            for (int j = 0; j < OUT; j++) {
                double expected = 0;
                for (int r = 0; r < BATCH; r++) {
                    expected += a.getDouble(r, i) * b.getDouble(r, j);
                }
                assertEquals(expected, overwritten.getDouble(i, j), 1e-14, "overwritten[" + i + "," + j + "]");
                assertEquals(expected, zeroed.getDouble(i, j), 1e-14, "zeroed[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void backwardGradientsForBinarizedWeightsInputAndBiasMatchFiniteDifferences() {
        Rng rng = new Rng(11);
        double h = Init.glorotH(IN, OUT);
        INDArray x = GradientCheck.uniform(rng, -1, 1, BATCH, IN);
        INDArray w = GradientCheck.uniform(rng, -h, h, IN, OUT);
        INDArray wb = Nd4j.create(DataType.DOUBLE, IN, OUT);
        Binarize.deterministic(w, wb, h);
        INDArray b = GradientCheck.uniform(rng, -1, 1, OUT);
        INDArray r = GradientCheck.uniform(rng, -1, 1, BATCH, OUT);
        GradientCheck.ScalarFunction loss = () -> GradientCheck.dot(forward(x, wb, b), r);

        INDArray dz = r.dup();
        INDArray dWb = Nd4j.create(DataType.DOUBLE, IN, OUT);
        Gemm.multiply(x, true, dz, false, dWb);
        INDArray dx = Nd4j.create(DataType.DOUBLE, BATCH, IN);
        Gemm.multiply(dz, false, wb, true, dx);
        INDArray db = Nd4j.create(DataType.DOUBLE, OUT);
        DenseKernels.biasGradient(dz, db);

        GradientCheck.assertGradient("dWb", dWb, loss, wb);
        GradientCheck.assertGradient("dx", dx, loss, x);
        GradientCheck.assertGradient("db", db, loss, b);
    }
}
