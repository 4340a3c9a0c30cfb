package org.binaryconnect.spark;

import java.io.Serializable;
import org.binaryconnect.runtime.data.Samples;

/**
 * Training samples as executors receive them: every feature as the network sees it (already scaled and
 * preprocessed), so that a batch filled on an executor holds the very floats a batch filled on the driver would.
 */
final class ShippedSamples implements Serializable {

    private static final long serialVersionUID = 1L;

    private final float[] values;
    private final byte[] labels;
    private final int features;
    // rebuilt on each executor from the arrays, which are what travels
    private transient Samples samples;

    private ShippedSamples(float[] values, byte[] labels, int features) {
        this.values = values;
        this.labels = labels;
        this.features = features;
    }

    static ShippedSamples of(Samples samples) {
        int features = samples.features();
        float[] values = new float[samples.size() * features];
        byte[] labels = new byte[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            labels[i] = (byte) samples.label(i);
            for (int j = 0; j < features; j++) {
                values[i * features + j] = samples.feature(i, j);
            }
        }
        return new ShippedSamples(values, labels, features);
    }

    synchronized Samples samples() {
        if (samples == null) {
            samples = Samples.ofFloats(values, labels, features);
        }
        return samples;
    }
}
