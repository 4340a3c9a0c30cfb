package org.binaryconnect.runtime.data;

/**
 * Global contrast normalisation of each sample on its own, as pylearn2's CIFAR10 dataset does with {@code gcn=55}
 * (pylearn2/datasets/cifar10.py calls pylearn2.expr.preprocessing.global_contrast_normalize(X, scale=55.) with
 * its defaults subtract_mean=True, use_std=False, sqrt_bias=0, min_divisor=1e-8): subtract the sample's mean,
 * divide by its Euclidean norm, multiply by 55; a sample whose norm is below 1e-8 (a constant image) is only
 * centred. Scaling bytes to [0, 1] or [-1, 1] first changes nothing: the result does not depend on an affine map
 * with a positive factor.
 */
final class GlobalContrastNormalization {

    static final double SCALE = 55.0;
    private static final double MIN_DIVISOR = 1e-8;

    private GlobalContrastNormalization() {
    }

    /** Normalises each of the {@code values.length / features} samples in place. */
    static void apply(float[] values, int features) {
        int samples = values.length / features;
        for (int s = 0; s < samples; s++) {
            int base = s * features;
            double sum = 0;
            for (int j = 0; j < features; j++) {
                sum += values[base + j];
            }
            double mean = sum / features;
            double squares = 0;
            for (int j = 0; j < features; j++) {
                double centred = values[base + j] - mean;
                squares += centred * centred;
            }
            double divisor = Math.sqrt(squares) / SCALE;
            if (divisor < MIN_DIVISOR) {
                divisor = 1;
            }
            for (int j = 0; j < features; j++) {
                values[base + j] = (float) ((values[base + j] - mean) / divisor);
            }
        }
    }
}
