package org.binaryconnect.runtime.data;

/**
 * Fits centering: the mean of each feature over the training samples, summed in double and rounded to float once;
 * {@link org.binaryconnect.inference.InputPipeline#center} subtracts it.
 */
final class FeatureCentering {

    private FeatureCentering() {
    }

    /** The means of each of {@code features} features over the samples in {@code training}. */
    static float[] fit(float[] training, int features) {
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
        return means;
    }
}
