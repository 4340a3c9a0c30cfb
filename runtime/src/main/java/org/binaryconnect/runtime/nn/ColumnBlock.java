package org.binaryconnect.runtime.nn;

/**
 * Moves a block of consecutive samples between the batch layout ({@code [batch, rows * outPlane]}, one sample after
 * another) and the block layout of {@link Conv2dKernels}' products ({@code [rows, count * outPlane]}: row r of
 * sample j at {@code r * count * outPlane + j * outPlane}), so that one matrix product covers every sample of the
 * block. Each sample's work is independent of the others', so the samples are split over both cores
 * ({@link Parallel}) and the results are the same on any number of threads.
 */
final class ColumnBlock {

    private static final int SAMPLE = 0;
    private static final int COLUMNS = 1;

    private ColumnBlock() {
    }

    /** im2col of samples {@code [first, first + count)} of {@code input} into the block at the start of {@code cols}. */
    static void im2col(ConvShape s, Buf input, int first, int count, Buf cols) {
        Parallel.split(count, 1, (long) count * s.fanIn() * s.outPlane(), (from, to) -> {
            for (int j = from; j < to; j++) {
                im2colSample(s, input, first, j, count, cols);
            }
        });
    }

    /** col2im of the block at the start of {@code cols} into samples {@code [first, first + count)} of {@code dx}. */
    static void col2im(ConvShape s, Buf cols, int first, int count, Buf dx) {
        Parallel.split(count, 1, (long) count * s.fanIn() * s.outPlane(), (from, to) -> {
            for (int j = from; j < to; j++) {
                col2imSample(s, cols, first, j, count, dx);
            }
        });
    }

    /**
     * Samples {@code [first, first + count)} of {@code output} become the {@code [filters, count * outPlane]} block
     * at {@code blockOffset} of {@code block} plus the channel bias; with {@code block == null} the product already
     * wrote them in place (a block of one sample) and only the bias is added.
     */
    static void toOutput(ConvShape s, Buf block, int blockOffset, int first, int count, Buf output, double[] bias) {
        Parallel.split(count, 1, (long) count * s.outputSize(), (from, to) -> {
            for (int j = from; j < to; j++) {
                outputSample(s, block, blockOffset, first, j, count, output, bias);
            }
        });
    }

    /** Samples {@code [first, first + count)} of {@code delta} into the block at {@code blockOffset} of {@code block}. */
    static void fromDelta(ConvShape s, Buf delta, int first, int count, Buf block, int blockOffset) {
        Parallel.split(count, 1, (long) count * s.outputSize(), (from, to) -> {
            for (int j = from; j < to; j++) {
                deltaSample(s, delta, first, j, count, block, blockOffset);
            }
        });
    }

    private static void im2colSample(ConvShape s, Buf input, int first, int j, int count, Buf cols) {
        int plane = s.outPlane();
        int rows = s.fanIn();
        int from = (first + j) * s.inputSize();
        if (input instanceof Buf.F32 in && cols instanceof Buf.F32 out) {
            float[] x = Scratch.floats(SAMPLE, s.inputSize());
            in.loadFloats(from, x, s.inputSize());
            float[] col = Scratch.floats(COLUMNS, rows * plane);
            Im2col.im2col(s, x, col);
            if (count == 1) {
                out.storeFloats(0, col, rows * plane);
                return;
            }
            for (int r = 0; r < rows; r++) {
                out.storeFloats((r * count + j) * plane, col, r * plane, plane);
            }
            return;
        }
        double[] x = Scratch.doubles(SAMPLE, s.inputSize());
        input.load(from, x, s.inputSize());
        double[] col = Scratch.doubles(COLUMNS, rows * plane);
        Im2col.im2col(s, x, col);
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < plane; p++) {
                cols.set((r * count + j) * plane + p, col[r * plane + p]);
            }
        }
    }

    private static void col2imSample(ConvShape s, Buf cols, int first, int j, int count, Buf dx) {
        int plane = s.outPlane();
        int rows = s.fanIn();
        int to = (first + j) * s.inputSize();
        if (cols instanceof Buf.F32 in && dx instanceof Buf.F32 out) {
            float[] col = Scratch.floats(COLUMNS, rows * plane);
            if (count == 1) {
                in.loadFloats(0, col, rows * plane);
            } else {
                for (int r = 0; r < rows; r++) {
                    in.loadFloats((r * count + j) * plane, col, r * plane, plane);
                }
            }
            float[] x = Scratch.floats(SAMPLE, s.inputSize());
            Im2col.col2im(s, col, x);
            out.storeFloats(to, x, s.inputSize());
            return;
        }
        double[] col = Scratch.doubles(COLUMNS, rows * plane);
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < plane; p++) {
                col[r * plane + p] = cols.get((r * count + j) * plane + p);
            }
        }
        double[] x = Scratch.doubles(SAMPLE, s.inputSize());
        Im2col.col2im(s, col, x);
        dx.store(to, x, s.inputSize());
    }

    private static void outputSample(ConvShape s, Buf block, int blockOffset, int first, int j, int count, Buf output,
            double[] bias) {
        int plane = s.outPlane();
        int at = (first + j) * s.outputSize();
        if (output instanceof Buf.F32 out && (block == null || block instanceof Buf.F32)) {
            float[] v = Scratch.floats(SAMPLE, s.outputSize());
            if (block == null) {
                out.loadFloats(at, v, s.outputSize());
            } else {
                for (int f = 0; f < s.filters(); f++) {
                    ((Buf.F32) block).loadFloats(blockOffset + (f * count + j) * plane, v, f * plane, plane);
                }
            }
            for (int c = 0; c < s.filters(); c++) {
                float bc = (float) bias[c];
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    v[p] += bc;
                }
            }
            out.storeFloats(at, v, s.outputSize());
            return;
        }
        double[] v = Scratch.doubles(SAMPLE, s.outputSize());
        for (int f = 0; f < s.filters(); f++) {
            for (int p = 0; p < plane; p++) {
                v[f * plane + p] = block == null ? output.get(at + f * plane + p)
                        : block.get(blockOffset + (f * count + j) * plane + p);
            }
        }
        for (int c = 0; c < s.filters(); c++) {
            for (int p = c * plane, end = p + plane; p < end; p++) {
                v[p] += bias[c];
            }
        }
        output.store(at, v, s.outputSize());
    }

    private static void deltaSample(ConvShape s, Buf delta, int first, int j, int count, Buf block, int blockOffset) {
        int plane = s.outPlane();
        int at = (first + j) * s.outputSize();
        if (delta instanceof Buf.F32 in && block instanceof Buf.F32 out) {
            float[] v = Scratch.floats(SAMPLE, s.outputSize());
            in.loadFloats(at, v, s.outputSize());
            for (int f = 0; f < s.filters(); f++) {
                out.storeFloats(blockOffset + (f * count + j) * plane, v, f * plane, plane);
            }
            return;
        }
        for (int f = 0; f < s.filters(); f++) {
            for (int p = 0; p < plane; p++) {
                block.set(blockOffset + (f * count + j) * plane + p, delta.get(at + f * plane + p));
            }
        }
    }
}
