package org.binaryconnect.runtime.data;

import org.binaryconnect.inference.InputPipeline;

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

    /** The float for {@code value} (0..255): the inference kernel's arithmetic, so both give the same bits. */
    public float scale(int value) {
        return InputPipeline.scale(low, high, value);
    }

    /** The value byte 0 scales to. */
    public float low() {
        return low;
    }

    /** The value byte 255 scales to. */
    public float high() {
        return high;
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
