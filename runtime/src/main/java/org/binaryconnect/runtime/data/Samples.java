package org.binaryconnect.runtime.data;

import java.util.Objects;
import org.binaryconnect.runtime.nn.Buf;

/**
 * A run of consecutive samples. Image features are kept as the original unsigned bytes (a quarter of the memory of
 * floats) and mapped through a 256-entry table only when copied into a batch; by default the table scales to
 * {@code [-1, 1]} as the authors' mnist.py does: {@code 2 * x / 255 - 1}. Features that are not bytes (CSV values,
 * centred or whitened images) are kept as floats.
 */
public final class Samples {

    private static final float[] SCALED = ByteScaling.MINUS_ONE_TO_ONE.table();

    // Exactly one of pixels (with table) and values is set.
    private final byte[] pixels;
    private final float[] table;
    private final float[] values;
    private final byte[] labels;
    private final int features;
    private final int first;
    private final int size;

    /**
     * Samples over {@code labels.length} images of {@code features} unsigned-byte values each, one after the other
     * in {@code pixels}; the arrays are shared, not copied.
     */
    public static Samples of(byte[] pixels, byte[] labels, int features) {
        return of(pixels, labels, features, ByteScaling.MINUS_ONE_TO_ONE);
    }

    /** As {@link #of(byte[], byte[], int)}, with the bytes mapped to floats by {@code scaling}. */
    public static Samples of(byte[] pixels, byte[] labels, int features, ByteScaling scaling) {
        checkLength(pixels.length, labels.length, features);
        return new Samples(pixels, scaling.table(), null, labels, features, 0, labels.length);
    }

    /** Samples over {@code labels.length} rows of {@code features} float values each; the arrays are shared. */
    public static Samples ofFloats(float[] values, byte[] labels, int features) {
        checkLength(values.length, labels.length, features);
        return new Samples(null, null, values, labels, features, 0, labels.length);
    }

    private static void checkLength(int length, int samples, int features) {
        if (features < 1 || length != (long) samples * features) {
            throw new IllegalArgumentException(length + " feature values do not make " + samples
                    + " samples of " + features + " features");
        }
    }

    Samples(byte[] pixels, byte[] labels, int features) {
        this(pixels, SCALED, null, labels, features, 0, labels.length);
    }

    private Samples(byte[] pixels, float[] table, float[] values, byte[] labels, int features, int first, int size) {
        this.pixels = pixels;
        this.table = table;
        this.values = values;
        if (pixels == null) {
            Objects.requireNonNull(values);
        }
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

    /** Feature {@code feature} of sample {@code index}, as the network sees it (scaled, preprocessed). */
    public float feature(int index, int feature) {
        Objects.checkIndex(feature, features);
        int at = (first + checkIndex(index)) * features + feature;
        return values != null ? values[at] : table[pixels[at] & 0xff];
    }

    /** Writes the features of sample {@code index} into {@code target[offset .. offset + features)}. */
    public void copyFeatures(int index, Buf target, int offset) {
        int source = (first + checkIndex(index)) * features;
        if (values != null) {
            for (int j = 0; j < features; j++) {
                target.set(offset + j, values[source + j]);
            }
        } else {
            for (int j = 0; j < features; j++) {
                target.set(offset + j, table[pixels[source + j] & 0xff]);
            }
        }
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) of these, sharing their storage. */
    public Samples range(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new Samples(pixels, table, values, labels, features, first + from, to - from);
    }

    private int checkIndex(int index) {
        return Objects.checkIndex(index, size);
    }
}
