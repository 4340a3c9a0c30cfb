package org.binaryconnect.inference;

/**
 * The shape of one conv layer, as the packed format stores it (14 fields, in this order): its input
 * {@code channels x height x width}, its square kernels and stride, the zero padding above and left of the input,
 * the convolution's output size, and the max-pool after it (all four pool fields 0 for none). A generated inference
 * class builds one per conv layer from its named constants; {@link PackedModelReader#conv} checks a file against it
 * and {@link ConvKernels} computes with it. Immutable.
 */
public final class ConvGeometry {

    final int channels;
    final int height;
    final int width;
    final int filters;
    final int kernel;
    final int stride;
    final int padTop;
    final int padLeft;
    final int outHeight;
    final int outWidth;
    final int pool;
    final int poolStride;
    final int pooledHeight;
    final int pooledWidth;

    /**
     * @param padTop zero rows above the input (SAME: half the total padding, rounded down; VALID: 0)
     * @param padLeft zero columns left of it
     * @param pool the max-pool's window (square), 0 for no pool; then {@code poolStride}, {@code pooledHeight}
     *     and {@code pooledWidth} are 0 too
     * @param pooledHeight the output height after the pool, windows that would cross the border dropped
     */
    public ConvGeometry(int channels, int height, int width, int filters, int kernel, int stride, int padTop,
            int padLeft, int outHeight, int outWidth, int pool, int poolStride, int pooledHeight, int pooledWidth) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padTop = padTop;
        this.padLeft = padLeft;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.pool = pool;
        this.poolStride = poolStride;
        this.pooledHeight = pooledHeight;
        this.pooledWidth = pooledWidth;
    }

    /** A filter's inputs: {@code channels * kernel * kernel}. */
    public int fanIn() {
        return channels * kernel * kernel;
    }

    /** The number of outputs, filter-major: {@code filters x height x width} after the pool, if any. */
    public int outputSize() {
        return pool == 0 ? filters * outHeight * outWidth : filters * pooledHeight * pooledWidth;
    }

    /** The 14 fields in the packed format's order. */
    int[] fields() {
        return new int[] {channels, height, width, filters, kernel, stride, padTop, padLeft, outHeight, outWidth,
            pool, poolStride, pooledHeight, pooledWidth};
    }

    /** The fields as the reader's messages write them, e.g. {@code 1x28x28 -> 32x28x28 (5x5 stride 1, ...)}. */
    static String describe(int[] g) {
        String pool = g[10] == 0 ? "" : ", max-pool " + g[10] + " stride " + g[11] + " -> " + g[12] + "x" + g[13];
        return g[0] + "x" + g[1] + "x" + g[2] + " -> " + g[3] + "x" + g[8] + "x" + g[9] + " (" + g[4] + "x" + g[4]
                + " stride " + g[5] + ", padding " + g[6] + " top " + g[7] + " left)" + pool;
    }

    @Override
    public String toString() {
        return "conv " + describe(fields());
    }
}
