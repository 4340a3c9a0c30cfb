package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The elementwise parts of a dense layer; the matrix products are {@link Gemm} calls in the generated code. */
public final class DenseKernels {

    private DenseKernels() {
    }

    /** {@code z[r, j] += b[j]} for every row r. */
    public static void addBias(INDArray z, INDArray bias) {
        if (Buf.singlePrecision(z, bias)) {
            float[] values = Buf.loadFloats(z, 0);
            float[] b = Buf.loadFloats(bias, 1);
            int units = (int) bias.length();
            for (int base = 0, n = (int) z.length(); base < n; base += units) {
                for (int j = 0; j < units; j++) {
                    values[base + j] += b[j];
                }
            }
            Buf.storeFloats(z, values);
            return;
        }
        Buf out = Buf.of(z);
        Buf biasBuf = Buf.of(bias);
        double[] values = out.loadAll(0);
        double[] b = biasBuf.loadAll(1);
        int units = biasBuf.length();
        for (int base = 0; base < out.length(); base += units) {
            for (int j = 0; j < units; j++) {
                values[base + j] += b[j];
            }
        }
        out.storeAll(values);
    }

    /** {@code db[j] = sum over rows of delta[r, j]}. */
    public static void biasGradient(INDArray delta, INDArray biasGradient) {
        if (Buf.singlePrecision(delta, biasGradient)) {
            float[] values = Buf.loadFloats(delta, 0);
            int units = (int) biasGradient.length();
            float[] sums = Scratch.floats(1, units);
            java.util.Arrays.fill(sums, 0, units, 0f);
            for (int base = 0, n = (int) delta.length(); base < n; base += units) {
                for (int j = 0; j < units; j++) {
                    sums[j] += values[base + j];
                }
            }
            Buf.storeFloats(biasGradient, sums);
            return;
        }
        Buf d = Buf.of(delta);
        Buf db = Buf.of(biasGradient);
        double[] values = d.loadAll(0);
        double[] sums = Scratch.doubles(1, db.length());
        int units = db.length();
        java.util.Arrays.fill(sums, 0, units, 0);
        for (int base = 0; base < d.length(); base += units) {
            for (int j = 0; j < units; j++) {
                sums[j] += values[base + j];
            }
        }
        db.store(0, sums, units);
    }
}
