package org.binaryconnect.runtime.nn;

/**
 * The geometry of a max-pool over channel-major samples ({@code C, H, W}): square windows of {@code size} moved by
 * {@code stride}, without padding, windows that would cross the border dropped (Lasagne's {@code ignore_border}).
 */
public record PoolShape(int channels, int height, int width, int size, int stride, int outHeight, int outWidth) {

    public PoolShape {
        if (channels <= 0 || size <= 0 || stride <= 0 || outHeight <= 0 || outWidth <= 0
                || (outHeight - 1) * stride + size > height || (outWidth - 1) * stride + size > width) {
            throw new IllegalArgumentException("invalid max-pool " + size + " stride " + stride + " over "
                    + channels + "x" + height + "x" + width);
        }
    }

    public static PoolShape of(int channels, int height, int width, int size, int stride) {
        return new PoolShape(channels, height, width, size, stride, outputSize(height, size, stride),
                outputSize(width, size, stride));
    }

    /** Output rows (or columns) of an input of {@code size}; 0 or less when no window fits. */
    public static int outputSize(int size, int window, int stride) {
        return Math.floorDiv(size - window, stride) + 1;
    }

    public int inputSize() {
        return channels * height * width;
    }

    public int outputSize() {
        return channels * outHeight * outWidth;
    }
}
