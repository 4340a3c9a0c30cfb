package org.binaryconnect.runtime.nn;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D convolution by im2col and matrix products over blocks of samples: the receptive fields of a block of
 * consecutive samples are laid out side by side as the columns of a {@code [fanIn, samples * outPlane]} matrix in the
 * caller's preallocated workspace, which the {@code [filters, fanIn]} weights multiply in one product; the
 * {@code [filters, samples * outPlane]} result is then moved, with the bias, into the samples' blocks of the output.
 * The products call OpenBLAS directly as {@link Gemm} does (no ND4J op, no allocation); the layout work runs in
 * per-thread heap scratch (see {@link Buf}) on both cores ({@link ColumnBlock}).
 *
 * <p>Arrays are whole C-order FLOAT or DOUBLE arrays: input {@code [batch, channels * height * width]}, output and
 * deltas {@code [batch, filters * outHeight * outWidth]}, weights {@code [filters, fanIn]}, bias {@code [filters]}.
 * The workspace comes from {@link #workspace}; one of {@code fanIn * outPlane} elements (one sample's columns, what
 * generated code before blocks allocated) runs the products one sample at a time. The results do not depend on the
 * block size: each output element is the same sum in the same order (see docs/decisions/conv-kernels.md).
 * See docs/decisions/conv-kernels.md for why this and not ND4J's conv2d ops.
 */
public final class Conv2dKernels {

    private static final int SAMPLE = 0;
    private static final int COLUMNS = 1;
    private static final int BIAS = 2;

    /**
     * Workspace elements per block, columns and product together: 2M floats (8 MB) gives seed conv2 blocks of 12
     * samples, while CIFAR-10's 32x32 layers (1.3M elements a sample) stay at one sample, a product large enough on its
     * own. Measured (ConvBlockTiming, fastest of 8 interleaved rounds, load about 3): seed conv2's forward, dW and dX
     * at batch 100 took 93.2 ms with one sample at a time, 71.1 ms with blocks of 12 (76.1, 72.6, 75.9 with blocks of
     * 4, 25, 50). {@code -Dbinaryconnect.convBlockElements} overrides it, for measuring.
     */
    static final long BLOCK_ELEMENTS = Long.getLong("binaryconnect.convBlockElements", 1L << 21);

    /**
     * Below this fan-in a layer keeps one sample at a time: seed conv1 (fan-in 25, whose im2col is a few copies per
     * sample) took 17.7 ms for its three passes that way and 19.4-23.8 ms in blocks of 10 to 100.
     */
    static final int MIN_BLOCK_FAN_IN = 64;

    /**
     * From this many FLOPs a sample's product is large enough on its own and the layer keeps one sample: CIFAR-10's
     * conv4 (302 MFLOP a sample) took 358.0 ms for its three passes with one sample and 358.7-360.7 in blocks, and the
     * whole CIFAR-10 step was slower with its 16x16 and 8x8 layers in blocks (3.6 s against 1.6 s with one sample, in
     * one sitting at load 2.4-3; noisy). Seed conv2 (20 MFLOP a sample) gains.
     */
    static final long MAX_BLOCK_SAMPLE_FLOPS = 50_000_000L;

    /**
     * Whether forward, dL/dW and dL/dinput multiply a whole block in one product
     * ({@code -Dbinaryconnect.convBlockProducts=true}) rather than one product per sample over the block's columns.
     * OpenBLAS 0.3.19's value of an element depends on the product's width (seed conv2's outputs differ in 4-7 % of
     * the elements, in the last bits, between one sample and blocks of 2 or 12), and dL/dW then sums over the block's
     * samples inside the product, so block products change the training's results; per-sample products keep today's
     * bits. Seed conv2's three passes: 57.8 ms in blocks of 12 against 71.1 with per-sample products.
     */
    static final boolean BLOCK_PRODUCTS = Boolean.getBoolean("binaryconnect.convBlockProducts");

    private Conv2dKernels() {
    }

    /**
     * Samples per block for a batch of {@code batch}: as many as {@link #BLOCK_ELEMENTS} holds, in blocks of equal
     * size but the last, and one for a layer of small fan-in or large per-sample products.
     */
    public static int samplesPerBlock(ConvShape s, int batch) {
        if (s.fanIn() < MIN_BLOCK_FAN_IN || 2L * s.filters() * s.fanIn() * s.outPlane() >= MAX_BLOCK_SAMPLE_FLOPS) {
            return 1;
        }
        long perSample = (long) (s.fanIn() + s.filters()) * s.outPlane();
        long fit = Math.max(1, Math.min(batch, BLOCK_ELEMENTS / perSample));
        long blocks = (batch + fit - 1) / fit;
        return (int) ((batch + blocks - 1) / blocks);
    }

    /**
     * The workspace for batches of up to {@code batch} samples: {@link #samplesPerBlock} samples' columns followed by
     * room for their product, or one sample's columns where a block holds one sample.
     */
    public static INDArray workspace(DataType type, ConvShape s, int batch) {
        int samples = samplesPerBlock(s, batch);
        if (samples == 1) {
            return Nd4j.zeros(type, s.fanIn(), s.outPlane());
        }
        return Nd4j.zeros(type, samples, (long) (s.fanIn() + s.filters()) * s.outPlane());
    }

    /** {@code output[n] = weights x im2col(input[n]) + bias}, for every sample n. */
    public static void forward(ConvShape s, INDArray input, INDArray weights, INDArray bias, INDArray output,
            INDArray columns) {
        forward(s, input, weights, bias, output, columns, BLOCK_PRODUCTS);
    }

    static void forward(ConvShape s, INDArray input, INDArray weights, INDArray bias, INDArray output,
            INDArray columns, boolean blockProducts) {
        int batch = checkBatch(s, input, output);
        requireWhole(weights, (long) s.filters() * s.fanIn(), "weights");
        int block = blockSamples(s, columns);
        int plane = s.outPlane();
        int productOffset = s.fanIn() * block * plane;
        Buf in = Buf.of(input);
        Buf cols = Buf.of(columns);
        Buf out = Buf.of(output);
        double[] b = Buf.of(bias).loadAll(BIAS);
        for (int first = 0; first < batch; first += block) {
            int count = Math.min(block, batch - first);
            int n = count * plane;
            ColumnBlock.im2col(s, in, first, count, cols);
            if (count == 1 || !blockProducts) {
                for (int j = 0; j < count; j++) {
                    gemm(false, false, s.filters(), plane, s.fanIn(), weights, 0, s.fanIn(), columns, (long) j * plane,
                            n, 0, output, (long) (first + j) * s.outputSize(), plane);
                }
                ColumnBlock.toOutput(s, null, 0, first, count, out, b);
            } else {
                gemm(false, false, s.filters(), n, s.fanIn(), weights, 0, s.fanIn(), columns, 0, n, 0, columns,
                        productOffset, n);
                ColumnBlock.toOutput(s, cols, productOffset, first, count, out, b);
            }
        }
    }

    /**
     * {@code weightGradient = sum over n of delta[n] x im2col(input[n])^T}: dL/dWb. One product per sample over the
     * block's columns, added in sample order (beta = 1 after the first), so the sums are those of one sample at a
     * time whatever the block size; with block products, one product per block sums over its samples inside OpenBLAS.
     */
    public static void backwardWeights(ConvShape s, INDArray input, INDArray delta, INDArray weightGradient,
            INDArray columns) {
        backwardWeights(s, input, delta, weightGradient, columns, BLOCK_PRODUCTS);
    }

    static void backwardWeights(ConvShape s, INDArray input, INDArray delta, INDArray weightGradient,
            INDArray columns, boolean blockProducts) {
        int batch = checkBatch(s, input, delta);
        requireWhole(weightGradient, (long) s.filters() * s.fanIn(), "weight gradient");
        int block = blockSamples(s, columns);
        int plane = s.outPlane();
        int productOffset = s.fanIn() * block * plane;
        Buf in = Buf.of(input);
        Buf cols = Buf.of(columns);
        for (int first = 0; first < batch; first += block) {
            int count = Math.min(block, batch - first);
            ColumnBlock.im2col(s, in, first, count, cols);
            if (count == 1 || !blockProducts) {
                for (int j = 0; j < count; j++) {
                    int n = first + j;
                    gemm(false, true, s.filters(), s.fanIn(), plane, delta, (long) n * s.outputSize(), plane,
                            columns, (long) j * plane, count * plane, n == 0 ? 0 : 1, weightGradient, 0, s.fanIn());
                }
            } else {
                int n = count * plane;
                ColumnBlock.fromDelta(s, Buf.of(delta), first, count, cols, productOffset);
                gemm(false, true, s.filters(), s.fanIn(), n, columns, productOffset, n, columns, 0, n,
                        first == 0 ? 0 : 1, weightGradient, 0, s.fanIn());
            }
        }
    }

    /** {@code inputDelta[n] = col2im(weights^T x delta[n])}: dL/dinput, overwriting {@code inputDelta}. */
    public static void backwardInput(ConvShape s, INDArray delta, INDArray weights, INDArray inputDelta,
            INDArray columns) {
        backwardInput(s, delta, weights, inputDelta, columns, BLOCK_PRODUCTS);
    }

    static void backwardInput(ConvShape s, INDArray delta, INDArray weights, INDArray inputDelta,
            INDArray columns, boolean blockProducts) {
        int batch = checkBatch(s, inputDelta, delta);
        requireWhole(weights, (long) s.filters() * s.fanIn(), "weights");
        int block = blockSamples(s, columns);
        int plane = s.outPlane();
        int productOffset = s.fanIn() * block * plane;
        Buf d = Buf.of(delta);
        Buf cols = Buf.of(columns);
        Buf dx = Buf.of(inputDelta);
        for (int first = 0; first < batch; first += block) {
            int count = Math.min(block, batch - first);
            int n = count * plane;
            if (count == 1 || !blockProducts) {
                for (int j = 0; j < count; j++) {
                    gemm(true, false, s.fanIn(), plane, s.filters(), weights, 0, s.fanIn(), delta,
                            (long) (first + j) * s.outputSize(), plane, 0, columns, (long) j * plane, n);
                }
            } else {
                ColumnBlock.fromDelta(s, d, first, count, cols, productOffset);
                gemm(true, false, s.fanIn(), n, s.filters(), weights, 0, s.fanIn(), columns, productOffset, n, 0,
                        columns, 0, n);
            }
            ColumnBlock.col2im(s, cols, first, count, dx);
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

    /**
     * Row-major {@code C = op(A) op(B) + beta C} on blocks of whole arrays starting at element offsets, with leading
     * dimensions {@code lda}, {@code ldb}, {@code ldc}: {@code op(A)} is {@code m x k}, {@code op(B)} is {@code k x n}.
     */
    private static void gemm(boolean transA, boolean transB, int m, int n, int k, INDArray a, long aOffset, int lda,
            INDArray b, long bOffset, int ldb, double beta, INDArray c, long cOffset, int ldc) {
        int opA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        DataType type = c.dataType();
        if (a.dataType() != type || b.dataType() != type) {
            throw new IllegalArgumentException("mixed data types " + a.dataType() + ", " + b.dataType() + ", " + type);
        }
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, opA, opB, m, n, k, 1f,
                    floats(a, aOffset), lda, floats(b, bOffset), ldb, (float) beta, floats(c, cOffset), ldc);
        } else if (type == DataType.DOUBLE) {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, opA, opB, m, n, k, 1.0,
                    doubles(a, aOffset), lda, doubles(b, bOffset), ldb, beta, doubles(c, cOffset), ldc);
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

    private static int checkBatch(ConvShape s, INDArray input, INDArray output) {
        requireWhole(input, input.length(), "input");
        requireWhole(output, output.length(), "output");
        long batch = input.length() / s.inputSize();
        if (batch * s.inputSize() != input.length() || batch * s.outputSize() != output.length()) {
            throw new IllegalArgumentException("arrays of " + input.length() + " and " + output.length()
                    + " elements do not fit " + s);
        }
        return (int) batch;
    }

    /** The samples per block that {@code columns} holds (see {@link #workspace}). */
    private static int blockSamples(ConvShape s, INDArray columns) {
        long oneSample = (long) s.fanIn() * s.outPlane();
        long perSample = (long) (s.fanIn() + s.filters()) * s.outPlane();
        long length = columns.length();
        if (length != oneSample && (length % perSample != 0 || length == 0)) {
            throw new IllegalArgumentException("the columns workspace must have " + oneSample + " elements or a "
                    + "multiple of " + perSample + " (Conv2dKernels.workspace), got " + columns.shapeInfoToString());
        }
        requireWhole(columns, length, "columns workspace");
        return length == oneSample ? 1 : Math.toIntExact(length / perSample);
    }

    private static void requireWhole(INDArray array, long length, String what) {
        if (array.ordering() != 'c' || array.offset() != 0 || array.isView() || array.length() != length) {
            throw new IllegalArgumentException("the " + what + " must be a whole C-order array of " + length
                    + " elements, got " + array.shapeInfoToString());
        }
    }
}
