package org.binaryconnect.runtime.data;

/** How unsigned bytes (pixel values 0..255) become the floats a network sees. */
public enum ByteScaling {

    /** {@code x / 255}. */
    ZERO_TO_ONE(0f, 1f),
    /** {@code 2 * x / 255 - 1}, as the authors' mnist.py does; the default. */
    MINUS_ONE_TO_ONE(-1f, 1f);

    private final float low;
    private final float high;

    ByteScaling(float low, float high) {
        this.low = low;
        this.high = high;
    }

    /** The float for {@code value} (0..255). */
    public float scale(int value) {
        return low + (high - low) * value / 255f;
    }

    /** The 256 scaled values, a fresh copy, so that {@link Samples} maps a byte with one array load. */
    float[] table() {
        float[] table = new float[256];
        for (int value = 0; value < 256; value++) {
            table[value] = scale(value);
        }
        return table;
    }
}
