package org.binaryconnect.runtime.data;

/**
 * Samples as read from files, before any preprocessing: either unsigned bytes (images) or floats (CSV values),
 * {@code features} per sample, one sample after the other, and one label per sample.
 */
record RawSamples(byte[] bytes, float[] floats, byte[] labels, int features) {

    RawSamples {
        if ((bytes == null) == (floats == null)) {
            throw new IllegalArgumentException("exactly one of bytes and floats");
        }
        long length = bytes != null ? bytes.length : floats.length;
        if (features < 1 || length != (long) labels.length * features) {
            throw new IllegalArgumentException(length + " values do not make " + labels.length + " samples of "
                    + features + " features");
        }
    }

    static RawSamples ofBytes(byte[] bytes, byte[] labels, int features) {
        return new RawSamples(bytes, null, labels, features);
    }

    static RawSamples ofFloats(float[] floats, byte[] labels, int features) {
        return new RawSamples(null, floats, labels, features);
    }

    int count() {
        return labels.length;
    }

    boolean isBytes() {
        return bytes != null;
    }

    /** The values as a new float array, bytes mapped by {@code scaling}; floats are copied unchanged. */
    float[] toFloats(ByteScaling scaling) {
        if (floats != null) {
            return floats.clone();
        }
        float[] table = scaling.table();
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = table[bytes[i] & 0xff];
        }
        return values;
    }
}
