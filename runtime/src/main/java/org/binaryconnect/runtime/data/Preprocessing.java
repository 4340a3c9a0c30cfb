package org.binaryconnect.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.inference.InputPipeline;

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

    /** The steps {@link #parse} knows, in their order of application (the two scalings are alternatives). */
    private static final List<String> STEPS = List.of("scale-0-1", "scale-1-1", "gcn", "center", "zca");

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

    /**
     * The steps as a user writes them (the {@code preprocessing} parameter): a comma-separated list, in the order
     * they apply, of at most one byte scaling ({@code scale-0-1}, or {@code scale-1-1}, the default), then any of
     * {@code gcn}, {@code center} and {@code zca}; or {@code authors-cifar10} alone, which stands for
     * {@code scale-1-1,gcn,zca}.
     *
     * @throws IllegalArgumentException in one sentence saying what to write instead: for an unknown step, a step
     *     given twice, two scalings (the second would silently win), steps out of their order of application, or
     *     {@code authors-cifar10} combined with anything
     */
    public static Preprocessing parse(String text) {
        List<String> steps = new ArrayList<>();
        for (String step : text.split(",", -1)) {
            steps.add(step.trim().toLowerCase(Locale.ROOT));
        }
        if (steps.contains("authors-cifar10")) {
            if (steps.size() > 1) {
                throw new IllegalArgumentException("preprocessing authors-cifar10 stands for scale-1-1,gcn,zca and"
                        + " takes no other step: write either authors-cifar10 alone or the steps, got '" + text + "'.");
            }
            return authorsCifarTen();
        }
        Preprocessing preprocessing = defaults();
        int last = -1;
        for (String step : steps) {
            int rank = STEPS.indexOf(step);
            if (rank < 0) {
                throw new IllegalArgumentException("preprocessing expects steps among " + String.join(", ", STEPS)
                        + " and authors-cifar10, got '" + step + "'" + (step.isEmpty() ? " (an empty step)" : "")
                        + ".");
            }
            int order = Math.max(rank - 1, 0); // the two scalings share the first place
            if (order < last || (order == last && order == 0)) {
                throw new IllegalArgumentException("preprocessing '" + text + "' " + (order == 0 && last == 0
                        ? "scales the bytes twice: keep one of scale-0-1 and scale-1-1."
                        : "lists its steps out of the order in which they apply: write them in the order "
                                + String.join(", ", STEPS) + "."));
            }
            if (order == last) {
                throw new IllegalArgumentException("preprocessing '" + text + "' names " + step + " twice.");
            }
            last = order;
            preprocessing = switch (step) {
                case "scale-0-1" -> preprocessing.withScaling(ByteScaling.ZERO_TO_ONE);
                case "scale-1-1" -> preprocessing.withScaling(ByteScaling.MINUS_ONE_TO_ONE);
                case "gcn" -> preprocessing.withContrastNormalization(true);
                case "center" -> preprocessing.withCentering(true);
                default -> preprocessing.withZcaWhitening(true);
            };
        }
        return preprocessing;
    }

    /** Whether anything beyond mapping bytes to floats happens, so that features must be stored as floats. */
    boolean transformsValues() {
        return contrastNormalization || centering || zcaWhitening;
    }

    /**
     * The dataset the network trains on, carrying the pipeline that made it with every fitted value: each step runs
     * through the kernels of {@link InputPipeline}, so that the pipeline applied to a raw sample gives exactly the
     * features training saw.
     */
    Dataset apply(RawDataset raw) {
        RawSamples rawTraining = raw.training();
        RawSamples rawTest = raw.test();
        int features = rawTraining.features();
        InputPipeline pipeline = InputPipeline.scaling(features, scaling.low(), scaling.high());
        Samples training;
        Samples test;
        if (!transformsValues() && rawTraining.isBytes() && rawTest.isBytes()) {
            training = Samples.of(rawTraining.bytes(), rawTraining.labels(), features, scaling);
            test = Samples.of(rawTest.bytes(), rawTest.labels(), features, scaling);
        } else {
            float[] trainValues = rawTraining.toFloats(scaling);
            float[] testValues = rawTest.toFloats(scaling);
            if (contrastNormalization) {
                pipeline = pipeline.withContrastNormalization(GlobalContrastNormalization.SCALE);
                GlobalContrastNormalization.apply(trainValues, features);
                GlobalContrastNormalization.apply(testValues, features);
            }
            if (centering) {
                float[] means = FeatureCentering.fit(trainValues, features);
                pipeline = pipeline.withCentering(means);
                InputPipeline.center(trainValues, means);
                InputPipeline.center(testValues, means);
            }
            if (zcaWhitening) {
                ZcaWhitening whitening = ZcaWhitening.fit(trainValues, features, ZcaWhitening.AUTHORS_FILTER_BIAS,
                        raw.source());
                pipeline = pipeline.withWhitening(whitening.mean(), whitening.matrixValues());
                whitening.apply(trainValues);
                whitening.apply(testValues);
            }
            training = Samples.ofFloats(trainValues, rawTraining.labels(), features);
            test = Samples.ofFloats(testValues, rawTest.labels(), features);
        }
        return new Dataset(raw.source(), training, test, raw.rows(), raw.columns(), raw.channels(), pipeline,
                List.of());
    }
}
