package org.binaryconnect.runtime.nn;

import org.binaryconnect.dsl.Padding;

/**
 * The geometry of one 2-D convolution over samples laid out channel-major ({@code C, H, W}, i.e. NCHW for a
 * batch): square kernels, one stride for both axes, and the zero padding on the top and left (the bottom and right
 * padding follow from the output size).
 *
 * <p>Weights are {@code [filters, channels * kernel * kernel]}: filter-major, then the input channel, then the
 * kernel row and column, so a filter's weights are one row of the matrix the convolution multiplies with.
 */
public record ConvShape(int channels, int height, int width, int filters, int kernel, int stride, int padTop,
        int padLeft, int outHeight, int outWidth) {

    public ConvShape {
        if (channels <= 0 || height <= 0 || width <= 0 || filters <= 0 || kernel <= 0 || stride <= 0
                || outHeight <= 0 || outWidth <= 0 || padTop < 0 || padLeft < 0) {
            throw new IllegalArgumentException("invalid convolution " + channels + "x" + height + "x" + width
                    + " -> " + filters + "x" + outHeight + "x" + outWidth + ", kernel " + kernel + ", stride " + stride);
        }
    }

    /** The geometry of {@code filters} kernels of {@code kernel x kernel} over a {@code channels x height x width} input. */
    public static ConvShape of(int channels, int height, int width, int filters, int kernel, int stride,
            Padding padding) {
        int outHeight = outputSize(height, kernel, stride, padding);
        int outWidth = outputSize(width, kernel, stride, padding);
        return new ConvShape(channels, height, width, filters, kernel, stride,
                padding == Padding.SAME ? totalPadding(height, outHeight, kernel, stride) / 2 : 0,
                padding == Padding.SAME ? totalPadding(width, outWidth, kernel, stride) / 2 : 0, outHeight, outWidth);
    }

    /** Output rows (or columns) of an input of {@code size}; 0 or less when the kernel does not fit. */
    public static int outputSize(int size, int kernel, int stride, Padding padding) {
        return padding == Padding.SAME ? (size + stride - 1) / stride : Math.floorDiv(size - kernel, stride) + 1;
    }

    private static int totalPadding(int size, int out, int kernel, int stride) {
        return Math.max((out - 1) * stride + kernel - size, 0);
    }

    /** Weights per filter: the fan-in {@code channels * kernel * kernel}. */
    public int fanIn() {
        return channels * kernel * kernel;
    }

    /** BinaryConnect's fan-out of a conv layer: {@code filters * kernel * kernel}. */
    public int fanOut() {
        return filters * kernel * kernel;
    }

    /** Elements of one input sample. */
    public int inputSize() {
        return channels * height * width;
    }

    /** Output positions per filter. */
    public int outPlane() {
        return outHeight * outWidth;
    }

    /** Elements of one output sample. */
    public int outputSize() {
        return filters * outPlane();
    }
}
