package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The elementwise parts of a dense layer; the matrix products are {@code Nd4j.gemm} calls in the generated code. */
public final class DenseKernels {

    private DenseKernels() {
    }

    /** {@code z[r, j] += b[j]} for every row r. */
    public static void addBias(INDArray z, INDArray bias) {
        Buf out = Buf.of(z);
        Buf b = Buf.of(bias);
        int units = b.length();
        for (int base = 0, n = out.length(); base < n; base += units) {
            for (int j = 0; j < units; j++) {
                out.set(base + j, out.get(base + j) + b.get(j));
            }
        }
    }

    /** {@code db[j] = sum over rows of delta[r, j]}. */
    public static void biasGradient(INDArray delta, INDArray biasGradient) {
        Buf d = Buf.of(delta);
        Buf db = Buf.of(biasGradient);
        int units = db.length();
        for (int j = 0; j < units; j++) {
            db.set(j, 0);
        }
        for (int base = 0, n = d.length(); base < n; base += units) {
            for (int j = 0; j < units; j++) {
                db.set(j, db.get(j) + d.get(base + j));
            }
        }
    }
}
