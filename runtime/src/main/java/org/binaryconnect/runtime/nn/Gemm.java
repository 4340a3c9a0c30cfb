package org.binaryconnect.runtime.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code C = op(A) op(B)} straight into OpenBLAS's cblas_sgemm / cblas_dgemm, the same library ND4J uses.
 *
 * <p>Why not {@code Nd4j.gemm}: it runs as an ND4J op, which costs about 65 us per call and allocates a small
 * native buffer each time, whereas the direct call costs about 3 us and allocates nothing. Measured here on a
 * [100 x 1024] x [1024 x 1024] product, the direct call also reaches 130 GFLOP/s against 94 (see
 * docs/decisions/direct-cblas-gemm.md).
 */
public final class Gemm {

    private Gemm() {
    }

    /**
     * Overwrites {@code c} with {@code op(a) op(b)}, where {@code op} transposes when asked. All three must be
     * whole (offset 0) C-order matrices of one data type, FLOAT or DOUBLE.
     */
    public static void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        multiply(a, transposeA, b, transposeB, c, false);
    }

    /**
     * {@link #multiply(INDArray, boolean, INDArray, boolean, INDArray)}, told whether every element of {@code c}
     * is +0 already: OpenBLAS then adds the product to it (beta = 1) instead of first zeroing it in a pass of its own
     * (beta = 0). Both give the same bits, as its kernel adds each element's sum to a +0 either way; skipping the
     * pass saves about 0.8 ms on a [2048 x 100]^T x [100 x 2048] weight gradient here (5.3 -> 4.5 ms).
     */
    public static void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
            boolean cIsZero) {
        long m = transposeA ? a.columns() : a.rows();
        long k = transposeA ? a.rows() : a.columns();
        long n = transposeB ? b.rows() : b.columns();
        long kB = transposeB ? b.columns() : b.rows();
        if (k != kB || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("cannot multiply " + shape(a, transposeA) + " by " + shape(b, transposeB)
                    + " into [" + c.rows() + ", " + c.columns() + "]");
        }
        requireWholeCOrder(a);
        requireWholeCOrder(b);
        requireWholeCOrder(c);
        int opA = transposeA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        DataType type = c.dataType();
        if (a.dataType() != type || b.dataType() != type) {
            throw new IllegalArgumentException("mixed data types " + a.dataType() + ", " + b.dataType() + ", " + type);
        }
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, opA, opB, (int) m, (int) n, (int) k, 1f,
                    (FloatPointer) a.data().addressPointer(), (int) a.columns(),
                    (FloatPointer) b.data().addressPointer(), (int) b.columns(), cIsZero ? 1f : 0f,
                    (FloatPointer) c.data().addressPointer(), (int) c.columns());
        } else if (type == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, opA, opB, (int) m, (int) n, (int) k, 1.0,
                    (DoublePointer) a.data().addressPointer(), (int) a.columns(),
                    (DoublePointer) b.data().addressPointer(), (int) b.columns(), cIsZero ? 1.0 : 0.0,
                    (DoublePointer) c.data().addressPointer(), (int) c.columns());
        } else {
            throw new IllegalArgumentException("Gemm supports FLOAT and DOUBLE, got " + type);
        }
    }

    private static void requireWholeCOrder(INDArray array) {
        if (array.rank() != 2 || array.ordering() != 'c' || array.offset() != 0 || array.isView()) {
            throw new IllegalArgumentException("Gemm needs whole C-order matrices, got " + array.shapeInfoToString());
        }
    }

    private static String shape(INDArray array, boolean transposed) {
        return transposed ? "[" + array.columns() + ", " + array.rows() + "]" : "[" + array.rows() + ", "
                + array.columns() + "]";
    }
}
