package org.binaryconnect.runtime.data;

/**
 * What happens to the features between the file and the network, in this order: bytes are scaled
 * ({@code scaling}; CSV values are taken as they are), then optionally global contrast normalisation, per-feature
 * centering and ZCA whitening. Everything fitted (means, the whitening matrix) is fitted on the training part only
 * (the training files, including what is later held out for validation, as the authors' ZCA was) and applied to
 * both parts.
 *
 * @param contrastNormalization pylearn2's global contrast normalisation with scale 55 (see
 *     {@link GlobalContrastNormalization})
 * @param zcaWhitening pylearn2's ZCA with filter bias 0.1 (see {@link ZcaWhitening})
 */
public record Preprocessing(ByteScaling scaling, boolean contrastNormalization, boolean centering,
        boolean zcaWhitening) {

    public Preprocessing {
        if (scaling == null) {
            throw new IllegalArgumentException("scaling must not be null");
        }
    }

    /** Bytes scaled to {@code [-1, 1]}, nothing else: what the authors did for MNIST. */
    public static Preprocessing defaults() {
        return new Preprocessing(ByteScaling.MINUS_ONE_TO_ONE, false, false, false);
    }

    /**
     * What the authors did for CIFAR-10 (their cifar10.py loads pylearn2's {@code pylearn2_gcn_whitened} set, made
     * by pylearn2/scripts/datasets/make_cifar10_gcn_whitened.py): global contrast normalisation with scale 55, then
     * ZCA whitening fitted on the 50,000 training images.
     */
    public static Preprocessing authorsCifarTen() {
        return new Preprocessing(ByteScaling.MINUS_ONE_TO_ONE, true, false, true);
    }

    public Preprocessing withScaling(ByteScaling value) {
        return new Preprocessing(value, contrastNormalization, centering, zcaWhitening);
    }

    public Preprocessing withContrastNormalization(boolean value) {
        return new Preprocessing(scaling, value, centering, zcaWhitening);
    }

    public Preprocessing withCentering(boolean value) {
        return new Preprocessing(scaling, contrastNormalization, value, zcaWhitening);
    }

    public Preprocessing withZcaWhitening(boolean value) {
        return new Preprocessing(scaling, contrastNormalization, centering, value);
    }

    /** Whether anything beyond mapping bytes to floats happens, so that features must be stored as floats. */
    boolean transformsValues() {
        return contrastNormalization || centering || zcaWhitening;
    }

    /** The dataset the network trains on. */
    Dataset apply(RawDataset raw) {
        RawSamples rawTraining = raw.training();
        RawSamples rawTest = raw.test();
        int features = rawTraining.features();
        Samples training;
        Samples test;
        if (!transformsValues() && rawTraining.isBytes() && rawTest.isBytes()) {
            training = Samples.of(rawTraining.bytes(), rawTraining.labels(), features, scaling);
            test = Samples.of(rawTest.bytes(), rawTest.labels(), features, scaling);
        } else {
            float[] trainValues = rawTraining.toFloats(scaling);
            float[] testValues = rawTest.toFloats(scaling);
            if (contrastNormalization) {
                GlobalContrastNormalization.apply(trainValues, features);
                GlobalContrastNormalization.apply(testValues, features);
            }
            if (centering) {
                FeatureCentering centre = FeatureCentering.fit(trainValues, features);
                centre.apply(trainValues);
                centre.apply(testValues);
            }
            if (zcaWhitening) {
                ZcaWhitening whitening = ZcaWhitening.fit(trainValues, features, ZcaWhitening.AUTHORS_FILTER_BIAS,
                        raw.source());
                whitening.apply(trainValues);
                whitening.apply(testValues);
            }
            training = Samples.ofFloats(trainValues, rawTraining.labels(), features);
            test = Samples.ofFloats(testValues, rawTest.labels(), features);
        }
        return new Dataset(raw.source(), training, test, raw.rows(), raw.columns(), raw.channels());
    }
}
