package org.binaryconnect.runtime.data;

/** Subtracts from each feature its mean over the training samples, fitted once and applied to every part. */
final class FeatureCentering {

    private final float[] means;

    private FeatureCentering(float[] means) {
        this.means = means;
    }

    /** The means of each of {@code features} features over the samples in {@code training}. */
    static FeatureCentering fit(float[] training, int features) {
        int samples = training.length / features;
        double[] sums = new double[features];
        for (int s = 0; s < samples; s++) {
            int base = s * features;
            for (int j = 0; j < features; j++) {
                sums[j] += training[base + j];
            }
        }
        float[] means = new float[features];
        for (int j = 0; j < features; j++) {
            means[j] = samples == 0 ? 0f : (float) (sums[j] / samples);
        }
        return new FeatureCentering(means);
    }

    float[] means() {
        return means.clone();
    }

    /** Subtracts the fitted means from every sample in {@code values}, in place. */
    void apply(float[] values) {
        int features = means.length;
        for (int i = 0; i < values.length; i++) {
            values[i] -= means[i % features];
        }
    }
}
