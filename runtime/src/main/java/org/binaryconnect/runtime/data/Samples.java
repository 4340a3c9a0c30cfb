package org.binaryconnect.runtime.data;

import java.util.Objects;
import org.binaryconnect.runtime.nn.Buf;

/**
 * A run of consecutive samples: features kept as the original unsigned bytes (a quarter of the memory of floats)
 * and scaled to {@code [-1, 1]} only when copied into a batch, as the authors' mnist.py does:
 * {@code 2 * x / 255 - 1}.
 */
public final class Samples {

    private static final float[] SCALED = new float[256];

    static {
        for (int value = 0; value < 256; value++) {
            SCALED[value] = 2f * value / 255f - 1f;
        }
    }

    private final byte[] pixels;
    private final byte[] labels;
    private final int features;
    private final int first;
    private final int size;

    /**
     * Samples over {@code labels.length} images of {@code features} unsigned-byte values each, one after the other
     * in {@code pixels}; the arrays are shared, not copied.
     */
    public static Samples of(byte[] pixels, byte[] labels, int features) {
        if (features < 1 || pixels.length != (long) labels.length * features) {
            throw new IllegalArgumentException(pixels.length + " pixel values do not make " + labels.length
                    + " samples of " + features + " features");
        }
        return new Samples(pixels, labels, features);
    }

    Samples(byte[] pixels, byte[] labels, int features) {
        this(pixels, labels, features, 0, labels.length);
    }

    private Samples(byte[] pixels, byte[] labels, int features, int first, int size) {
        this.pixels = Objects.requireNonNull(pixels);
        this.labels = Objects.requireNonNull(labels);
        this.features = features;
        this.first = first;
        this.size = size;
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Number of features (input values) of each sample. */
    public int features() {
        return features;
    }

    /** The class of sample {@code index}. */
    public int label(int index) {
        return labels[first + checkIndex(index)] & 0xff;
    }

    /** Feature {@code feature} of sample {@code index}, scaled to {@code [-1, 1]}. */
    public float feature(int index, int feature) {
        Objects.checkIndex(feature, features);
        return SCALED[pixels[(first + checkIndex(index)) * features + feature] & 0xff];
    }

    /** Writes the scaled features of sample {@code index} into {@code target[offset .. offset + features)}. */
    public void copyFeatures(int index, Buf target, int offset) {
        int source = (first + checkIndex(index)) * features;
        for (int j = 0; j < features; j++) {
            target.set(offset + j, SCALED[pixels[source + j] & 0xff]);
        }
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of these, sharing their storage. */
    public Samples range(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new Samples(pixels, labels, features, first + from, to - from);
    }

    private int checkIndex(int index) {
        return Objects.checkIndex(index, size);
    }
}
