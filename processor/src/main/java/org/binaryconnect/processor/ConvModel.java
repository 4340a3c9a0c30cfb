package org.binaryconnect.processor;

import java.util.Optional;
import org.binaryconnect.dsl.Padding;

/**
 * The convolution of a conv layer with every size inferred: {@code channels x height x width} in,
 * {@code filters x outHeight x outWidth} out, then optionally a max-pool.
 */
record ConvModel(int channels, int height, int width, int filters, int kernel, int stride, Padding padding,
        int outHeight, int outWidth, Optional<PoolModel> pool) {

    /** Output rows (or columns) for an input of {@code size}, as the runtime's {@code ConvShape} computes them. */
    static int outputSize(int size, int kernel, int stride, Padding padding) {
        return padding == Padding.SAME ? (size + stride - 1) / stride : Math.floorDiv(size - kernel, stride) + 1;
    }

    /** BinaryConnect's fan-in of a conv layer: {@code c_in * kh * kw}. */
    int fanIn() {
        return channels * kernel * kernel;
    }

    /** BinaryConnect's fan-out of a conv layer: {@code c_out * kh * kw}. */
    int fanOut() {
        return filters * kernel * kernel;
    }

    int inputSize() {
        return channels * height * width;
    }

    /** Height of the layer's output, after any pool. */
    int finalHeight() {
        return pool.map(PoolModel::outHeight).orElse(outHeight);
    }

    int finalWidth() {
        return pool.map(PoolModel::outWidth).orElse(outWidth);
    }

    /** Elements per sample of the layer's output, after any pool. */
    long outputSize() {
        return (long) filters * finalHeight() * finalWidth();
    }

    String summary() {
        StringBuilder s = new StringBuilder("conv ").append(channels).append('x').append(height).append('x')
                .append(width).append(" -> ").append(filters).append('x').append(outHeight).append('x')
                .append(outWidth).append(" (").append(kernel).append('x').append(kernel).append(" stride ")
                .append(stride).append(' ').append(padding).append(')');
        pool.ifPresent(p -> s.append(", max-pool ").append(p.size()).append(" stride ").append(p.stride())
                .append(" -> ").append(filters).append('x').append(p.outHeight()).append('x').append(p.outWidth()));
        return s.toString();
    }

    /** A max-pool over the convolution's output. */
    record PoolModel(int size, int stride, int outHeight, int outWidth) {

        /** Output rows (or columns) for an input of {@code size}; 0 or less when no window fits. */
        static int outputSize(int size, int window, int stride) {
            return Math.floorDiv(size - window, stride) + 1;
        }
    }
}
