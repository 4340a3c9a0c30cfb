package org.binaryconnect.runtime.nn;

import java.util.Arrays;

/**
 * The layout work of {@link Conv2dKernels} on one sample in heap arrays: im2col lays the sample's receptive fields
 * out as the columns of a {@code [fanIn, outPlane]} matrix, col2im sums such a matrix back into the input positions.
 */
final class Im2col {

    private Im2col() {
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
}
