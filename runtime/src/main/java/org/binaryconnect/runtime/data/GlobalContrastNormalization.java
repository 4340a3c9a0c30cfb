package org.binaryconnect.runtime.data;

import org.binaryconnect.inference.InputPipeline;

/**
 * Global contrast normalisation of each sample on its own, as pylearn2's CIFAR10 dataset does with {@code gcn=55}
 * (pylearn2/datasets/cifar10.py calls pylearn2.expr.preprocessing.global_contrast_normalize(X, scale=55.) with
 * its defaults subtract_mean=True, use_std=False, sqrt_bias=0, min_divisor=1e-8): subtract the sample's mean,
 * divide by its Euclidean norm, multiply by 55; a sample whose norm is below 1e-8 (a constant image) is only
 * centred (the kernel is {@link InputPipeline#normalizeContrast}, which the exported inference calls too). Scaling
 * bytes to [0, 1] or [-1, 1] first changes nothing: the result does not depend on an affine map with a positive
 * factor.
 */
final class GlobalContrastNormalization {

    static final double SCALE = 55.0;

    private GlobalContrastNormalization() {
    }

    /** Normalises each of the {@code values.length / features} samples in place, with the inference kernel. */
    static void apply(float[] values, int features) {
        InputPipeline.normalizeContrast(values, features, SCALE);
    }
}
