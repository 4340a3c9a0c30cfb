package org.binaryconnect.runtime.nn;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2-D convolution by im2col and matrix products, one sample at a time: the sample's receptive fields are laid out
 * as the columns of a {@code [fanIn, outPlane]} matrix (the caller's preallocated {@code columns} workspace), which
 * the {@code [filters, fanIn]} weights multiply straight into the sample's {@code [filters, outPlane]} block of the
 * output. The products call OpenBLAS directly as {@link Gemm} does (no ND4J op, no allocation); the layout work
 * runs in per-thread heap scratch (see {@link Buf}).
 *
 * <p>Arrays are whole C-order FLOAT or DOUBLE arrays: input {@code [batch, channels * height * width]}, output and
 * deltas {@code [batch, filters * outHeight * outWidth]}, weights {@code [filters, fanIn]}, bias {@code [filters]}.
 * See docs/decisions/conv-kernels.md for why this and not ND4J's conv2d ops.
 */
public final class Conv2dKernels {

    private static final int SAMPLE = 0;
    private static final int COLUMNS = 1;

    private Conv2dKernels() {
    }

    /** {@code output[n] = weights x im2col(input[n]) + bias}, for every sample n. */
    public static void forward(ConvShape s, INDArray input, INDArray weights, INDArray bias, INDArray output,
            INDArray columns) {
        int batch = checkBatch(s, input, output, columns);
        requireWhole(weights, (long) s.filters() * s.fanIn(), "weights");
        int columnLength = s.fanIn() * s.outPlane();
        boolean single = Buf.singlePrecision(input, weights, bias, output, columns);
        Buf in = Buf.of(input);
        Buf cols = Buf.of(columns);
        for (int n = 0; n < batch; n++) {
            if (single) {
                float[] x = Scratch.floats(SAMPLE, s.inputSize());
                ((Buf.F32) in).loadFloats(n * s.inputSize(), x, s.inputSize());
                float[] col = Scratch.floats(COLUMNS, columnLength);
                im2col(s, x, col);
                ((Buf.F32) cols).storeFloats(0, col, columnLength);
            } else {
                double[] x = Scratch.doubles(SAMPLE, s.inputSize());
                in.load(n * s.inputSize(), x, s.inputSize());
                double[] col = Scratch.doubles(COLUMNS, columnLength);
                im2col(s, x, col);
                cols.store(0, col, columnLength);
            }
            gemm(false, false, s.filters(), s.outPlane(), s.fanIn(), weights, 0, columns, 0, 0, output,
                    (long) n * s.outputSize());
        }
        addChannelBias(output, bias, batch, s.filters(), s.outPlane());
    }

    /** {@code weightGradient = sum over n of delta[n] x im2col(input[n])^T}: dL/dWb. */
    public static void backwardWeights(ConvShape s, INDArray input, INDArray delta, INDArray weightGradient,
            INDArray columns) {
        int batch = checkBatch(s, input, delta, columns);
        requireWhole(weightGradient, (long) s.filters() * s.fanIn(), "weight gradient");
        int columnLength = s.fanIn() * s.outPlane();
        boolean single = Buf.singlePrecision(input, delta, weightGradient, columns);
        Buf in = Buf.of(input);
        Buf cols = Buf.of(columns);
        for (int n = 0; n < batch; n++) {
            if (single) {
                float[] x = Scratch.floats(SAMPLE, s.inputSize());
                ((Buf.F32) in).loadFloats(n * s.inputSize(), x, s.inputSize());
                float[] col = Scratch.floats(COLUMNS, columnLength);
                im2col(s, x, col);
                ((Buf.F32) cols).storeFloats(0, col, columnLength);
            } else {
                double[] x = Scratch.doubles(SAMPLE, s.inputSize());
                in.load(n * s.inputSize(), x, s.inputSize());
                double[] col = Scratch.doubles(COLUMNS, columnLength);
                im2col(s, x, col);
                cols.store(0, col, columnLength);
            }
            gemm(false, true, s.filters(), s.fanIn(), s.outPlane(), delta, (long) n * s.outputSize(), columns, 0,
                    n == 0 ? 0 : 1, weightGradient, 0);
        }
    }

    /** {@code inputDelta[n] = col2im(weights^T x delta[n])}: dL/dinput, overwriting {@code inputDelta}. */
    public static void backwardInput(ConvShape s, INDArray delta, INDArray weights, INDArray inputDelta,
            INDArray columns) {
        int batch = checkBatch(s, inputDelta, delta, columns);
        requireWhole(weights, (long) s.filters() * s.fanIn(), "weights");
        int columnLength = s.fanIn() * s.outPlane();
        boolean single = Buf.singlePrecision(delta, weights, inputDelta, columns);
        Buf dx = Buf.of(inputDelta);
        Buf cols = Buf.of(columns);
        for (int n = 0; n < batch; n++) {
            gemm(true, false, s.fanIn(), s.outPlane(), s.filters(), weights, 0, delta, (long) n * s.outputSize(), 0,
                    columns, 0);
            if (single) {
                float[] col = Scratch.floats(COLUMNS, columnLength);
                ((Buf.F32) cols).loadFloats(0, col, columnLength);
                float[] x = Scratch.floats(SAMPLE, s.inputSize());
                col2im(s, col, x);
                ((Buf.F32) dx).storeFloats(n * s.inputSize(), x, s.inputSize());
            } else {
                double[] col = Scratch.doubles(COLUMNS, columnLength);
                cols.load(0, col, columnLength);
                double[] x = Scratch.doubles(SAMPLE, s.inputSize());
                col2im(s, col, x);
                dx.store(n * s.inputSize(), x, s.inputSize());
            }
        }
    }

    /** {@code biasGradient[f] = sum of delta over samples and output positions of filter f}. */
    public static void biasGradient(ConvShape s, INDArray delta, INDArray biasGradient) {
        int batch = Math.toIntExact(delta.length() / s.outputSize());
        int plane = s.outPlane();
        Buf d = Buf.of(delta);
        double[] sums = Scratch.doubles(COLUMNS, s.filters());
        Arrays.fill(sums, 0, s.filters(), 0);
        if (d instanceof Buf.F32 f) {
            float[] values = Scratch.floats(SAMPLE, s.outputSize());
            for (int n = 0; n < batch; n++) {
                f.loadFloats(n * s.outputSize(), values, s.outputSize());
                for (int c = 0; c < s.filters(); c++) {
                    float sum = 0;
                    for (int p = c * plane, end = p + plane; p < end; p++) {
                        sum += values[p];
                    }
                    sums[c] += sum;
                }
            }
        } else {
            double[] values = Scratch.doubles(SAMPLE, s.outputSize());
            for (int n = 0; n < batch; n++) {
                d.load(n * s.outputSize(), values, s.outputSize());
                for (int c = 0; c < s.filters(); c++) {
                    double sum = 0;
                    for (int p = c * plane, end = p + plane; p < end; p++) {
                        sum += values[p];
                    }
                    sums[c] += sum;
                }
            }
        }
        Buf.of(biasGradient).store(0, sums, s.filters());
    }

    /** {@code values[n, c, p] += bias[c]}, one sample at a time through heap scratch. */
    static void addChannelBias(INDArray values, INDArray bias, int batch, int channels, int plane) {
        Buf v = Buf.of(values);
        double[] b = Buf.of(bias).loadAll(COLUMNS + 1);
        int sample = channels * plane;
        if (v instanceof Buf.F32 f) {
            float[] data = Scratch.floats(SAMPLE, sample);
            for (int n = 0; n < batch; n++) {
                f.loadFloats(n * sample, data, sample);
                for (int c = 0; c < channels; c++) {
                    float bc = (float) b[c];
                    for (int p = c * plane, end = p + plane; p < end; p++) {
                        data[p] += bc;
                    }
                }
                f.storeFloats(n * sample, data, sample);
            }
            return;
        }
        double[] data = Scratch.doubles(SAMPLE, sample);
        for (int n = 0; n < batch; n++) {
            v.load(n * sample, data, sample);
            for (int c = 0; c < channels; c++) {
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    data[p] += b[c];
                }
            }
            v.store(n * sample, data, sample);
        }
    }

    /** The first output column whose input column {@code ox * stride - pad + kx} is inside {@code [0, size)}. */
    private static int firstInside(int kx, int pad, int stride, int size, int out) {
        int offset = kx - pad;
        // smallest ox with ox * stride + offset >= 0
        int first = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        return Math.min(first, out);
    }

    /** One past the last output column whose input column is inside {@code [0, size)}. */
    private static int endInside(int kx, int pad, int stride, int size, int out) {
        int offset = kx - pad;
        // largest ox with ox * stride + offset <= size - 1, plus one
        int last = size - 1 - offset;
        int end = last < 0 ? 0 : last / stride + 1;
        return Math.min(end, out);
    }

    static void im2col(ConvShape s, float[] x, float[] col) {
        int k = s.kernel();
        int stride = s.stride();
        int outW = s.outWidth();
        int plane = s.outPlane();
        for (int c = 0; c < s.channels(); c++) {
            int channelBase = c * s.height() * s.width();
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int rowBase = ((c * k + ky) * k + kx) * plane;
                    int xFirst = firstInside(kx, s.padLeft(), stride, s.width(), outW);
                    int xEnd = Math.max(xFirst, endInside(kx, s.padLeft(), stride, s.width(), outW));
                    for (int oy = 0; oy < s.outHeight(); oy++) {
                        int iy = oy * stride - s.padTop() + ky;
                        int to = rowBase + oy * outW;
                        if (iy < 0 || iy >= s.height()) {
                            Arrays.fill(col, to, to + outW, 0f);
                            continue;
                        }
                        Arrays.fill(col, to, to + xFirst, 0f);
                        int from = channelBase + iy * s.width() - s.padLeft() + kx;
                        if (stride == 1) {
                            System.arraycopy(x, from + xFirst, col, to + xFirst, xEnd - xFirst);
                        } else {
                            for (int ox = xFirst; ox < xEnd; ox++) {
                                col[to + ox] = x[from + ox * stride];
                            }
                        }
                        Arrays.fill(col, to + xEnd, to + outW, 0f);
                    }
                }
            }
        }
    }

    static void im2col(ConvShape s, double[] x, double[] col) {
        int k = s.kernel();
        int stride = s.stride();
        int outW = s.outWidth();
        int plane = s.outPlane();
        for (int c = 0; c < s.channels(); c++) {
            int channelBase = c * s.height() * s.width();
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int rowBase = ((c * k + ky) * k + kx) * plane;
                    int xFirst = firstInside(kx, s.padLeft(), stride, s.width(), outW);
                    int xEnd = Math.max(xFirst, endInside(kx, s.padLeft(), stride, s.width(), outW));
                    for (int oy = 0; oy < s.outHeight(); oy++) {
                        int iy = oy * stride - s.padTop() + ky;
                        int to = rowBase + oy * outW;
                        if (iy < 0 || iy >= s.height()) {
                            Arrays.fill(col, to, to + outW, 0);
                            continue;
                        }
                        Arrays.fill(col, to, to + xFirst, 0);
                        int from = channelBase + iy * s.width() - s.padLeft() + kx;
                        for (int ox = xFirst; ox < xEnd; ox++) {
                            col[to + ox] = x[from + ox * stride];
                        }
                        Arrays.fill(col, to + xEnd, to + outW, 0);
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: sums each column entry back into the input position it was copied from. */
    static void col2im(ConvShape s, float[] col, float[] x) {
        Arrays.fill(x, 0, s.inputSize(), 0f);
        int k = s.kernel();
        int stride = s.stride();
        int outW = s.outWidth();
        int plane = s.outPlane();
        for (int c = 0; c < s.channels(); c++) {
            int channelBase = c * s.height() * s.width();
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int rowBase = ((c * k + ky) * k + kx) * plane;
                    int xFirst = firstInside(kx, s.padLeft(), stride, s.width(), outW);
                    int xEnd = endInside(kx, s.padLeft(), stride, s.width(), outW);
                    for (int oy = 0; oy < s.outHeight(); oy++) {
                        int iy = oy * stride - s.padTop() + ky;
                        if (iy < 0 || iy >= s.height()) {
                            continue;
                        }
                        int from = rowBase + oy * outW;
                        int to = channelBase + iy * s.width() - s.padLeft() + kx;
                        for (int ox = xFirst; ox < xEnd; ox++) {
                            x[to + ox * stride] += col[from + ox];
                        }
                    }
                }
            }
        }
    }

    static void col2im(ConvShape s, double[] col, double[] x) {
        Arrays.fill(x, 0, s.inputSize(), 0);
        int k = s.kernel();
        int stride = s.stride();
        int outW = s.outWidth();
        int plane = s.outPlane();
        for (int c = 0; c < s.channels(); c++) {
            int channelBase = c * s.height() * s.width();
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int rowBase = ((c * k + ky) * k + kx) * plane;
                    int xFirst = firstInside(kx, s.padLeft(), stride, s.width(), outW);
                    int xEnd = endInside(kx, s.padLeft(), stride, s.width(), outW);
                    for (int oy = 0; oy < s.outHeight(); oy++) {
                        int iy = oy * stride - s.padTop() + ky;
                        if (iy < 0 || iy >= s.height()) {
                            continue;
                        }
                        int from = rowBase + oy * outW;
                        int to = channelBase + iy * s.width() - s.padLeft() + kx;
                        for (int ox = xFirst; ox < xEnd; ox++) {
                            x[to + ox * stride] += col[from + ox];
                        }
                    }
                }
            }
        }
    }

    /**
     * Row-major {@code C = op(A) op(B) + beta C} on blocks of whole arrays starting at element offsets, with leading
     * dimensions implied by the shapes: {@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n}.
     */
    private static void gemm(boolean transA, boolean transB, int m, int n, int k, INDArray a, long aOffset,
            INDArray b, long bOffset, double beta, INDArray c, long cOffset) {
        int opA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        DataType type = c.dataType();
        if (a.dataType() != type || b.dataType() != type) {
            throw new IllegalArgumentException("mixed data types " + a.dataType() + ", " + b.dataType() + ", " + type);
        }
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, opA, opB, m, n, k, 1f,
                    floats(a, aOffset), lda, floats(b, bOffset), ldb, (float) beta, floats(c, cOffset), n);
        } else if (type == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, opA, opB, m, n, k, 1.0,
                    doubles(a, aOffset), lda, doubles(b, bOffset), ldb, beta, doubles(c, cOffset), n);
        } else {
            throw new IllegalArgumentException("convolution supports FLOAT and DOUBLE, got " + type);
        }
    }

    private static FloatPointer floats(INDArray array, long offset) {
        FloatPointer base = (FloatPointer) array.data().addressPointer();
        return new FloatPointer(base).position(base.position() + offset);
    }

    private static DoublePointer doubles(INDArray array, long offset) {
        DoublePointer base = (DoublePointer) array.data().addressPointer();
        return new DoublePointer(base).position(base.position() + offset);
    }

    private static int checkBatch(ConvShape s, INDArray input, INDArray output, INDArray columns) {
        requireWhole(input, input.length(), "input");
        requireWhole(output, output.length(), "output");
        requireWhole(columns, (long) s.fanIn() * s.outPlane(), "columns workspace");
        long batch = input.length() / s.inputSize();
        if (batch * s.inputSize() != input.length() || batch * s.outputSize() != output.length()) {
            throw new IllegalArgumentException("arrays of " + input.length() + " and " + output.length()
                    + " elements do not fit " + s);
        }
        return (int) batch;
    }

    private static void requireWhole(INDArray array, long length, String what) {
        if (array.ordering() != 'c' || array.offset() != 0 || array.isView() || array.length() != length) {
            throw new IllegalArgumentException("the " + what + " must be a whole C-order array of " + length
                    + " elements, got " + array.shapeInfoToString());
        }
    }
}
