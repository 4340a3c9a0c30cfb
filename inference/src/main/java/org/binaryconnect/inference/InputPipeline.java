package org.binaryconnect.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * What happens to a sample between its raw pixels and the network's first layer, with every fitted value: the byte
 * scaling {@code low + (high - low) * x / 255}, then optionally global contrast normalisation, centering on the
 * training means and ZCA whitening, in that order. Training's preprocessing calls these very kernels, so a model's
 * recorded pipeline gives the features it was trained on, bit for bit; the C export's {@code bc_input_pipeline}
 * repeats the same operations in the same order and precision.
 *
 * <p>Immutable: the arrays are copied in and out.
 */
public final class InputPipeline {

    /** A sample whose norm after centering is below this is only centred, as pylearn2's default min_divisor. */
    public static final double MIN_DIVISOR = 1e-8;

    /** Samples whitened together by {@link #whiten}: each row of the matrix is read once for all of them. */
    private static final int WHITEN_BLOCK = 16;

    private final int features;
    private final float low;
    private final float high;
    private final double contrastScale;
    private final float[] centeringMeans;
    private final double[] whiteningMean;
    private final float[] whiteningMatrix;

    private InputPipeline(int features, float low, float high, double contrastScale, float[] centeringMeans,
            double[] whiteningMean, float[] whiteningMatrix) {
        if (features < 1) {
            throw new IllegalArgumentException("an input pipeline needs at least one feature, got " + features);
        }
        if (centeringMeans != null && centeringMeans.length != features) {
            throw new IllegalArgumentException("expected " + features + " centering means, got "
                    + centeringMeans.length);
        }
        if ((whiteningMean == null) != (whiteningMatrix == null)) {
            throw new IllegalArgumentException("ZCA whitening needs both its mean and its matrix");
        }
        if (whiteningMean != null && (whiteningMean.length != features
                || whiteningMatrix.length != (long) features * features)) {
            throw new IllegalArgumentException("ZCA whitening of " + features + " features needs " + features
                    + " means and a " + features + " x " + features + " matrix, got " + whiteningMean.length
                    + " and " + whiteningMatrix.length + " values");
        }
        this.features = features;
        this.low = low;
        this.high = high;
        this.contrastScale = contrastScale;
        this.centeringMeans = centeringMeans;
        this.whiteningMean = whiteningMean;
        this.whiteningMatrix = whiteningMatrix;
    }

    /** Bytes scaled to {@code [low, high]} and nothing else, for samples of {@code features} values. */
    public static InputPipeline scaling(int features, float low, float high) {
        return new InputPipeline(features, low, high, 0, null, null, null);
    }

    /** This pipeline followed by global contrast normalisation to norm {@code scale} (pylearn2's gcn=55). */
    public InputPipeline withContrastNormalization(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the contrast normalisation scale must be positive, got " + scale);
        }
        return new InputPipeline(features, low, high, scale, centeringMeans, whiteningMean, whiteningMatrix);
    }

    /** This pipeline followed by subtracting {@code means} (one per feature, copied). */
    public InputPipeline withCentering(float[] means) {
        return new InputPipeline(features, low, high, contrastScale, means.clone(), whiteningMean, whiteningMatrix);
    }

    /**
     * This pipeline followed by ZCA whitening: {@code x} becomes {@code (x - mean) P}, with {@code matrix} P row-major,
     * {@code features x features} (both copied).
     */
    public InputPipeline withWhitening(double[] mean, float[] matrix) {
        return new InputPipeline(features, low, high, contrastScale, centeringMeans, mean.clone(), matrix.clone());
    }

    public int features() {
        return features;
    }

    /** The value byte 0 scales to. */
    public float low() {
        return low;
    }

    /** The value byte 255 scales to. */
    public float high() {
        return high;
    }

    public boolean contrastNormalization() {
        return contrastScale > 0;
    }

    /** The norm contrast normalisation scales each sample to; 0 without it. */
    public double contrastScale() {
        return contrastScale;
    }

    public boolean centering() {
        return centeringMeans != null;
    }

    /** The training means centering subtracts, a copy; empty without centering. */
    public float[] centeringMeans() {
        return centeringMeans == null ? new float[0] : centeringMeans.clone();
    }

    public boolean whitening() {
        return whiteningMean != null;
    }

    /** The training mean ZCA subtracts, a copy; empty without whitening. */
    public double[] whiteningMean() {
        return whiteningMean == null ? new double[0] : whiteningMean.clone();
    }

    /** ZCA's matrix P, row-major, a copy; empty without whitening. */
    public float[] whiteningMatrix() {
        return whiteningMatrix == null ? new float[0] : whiteningMatrix.clone();
    }

    /**
     * The network's features for one image of unsigned bytes, 0 to 255 each.
     *
     * @throws IllegalArgumentException when the image does not have {@link #features()} values
     */
    public float[] features(byte[] unsignedPixels) {
        Predictions.checkLength(unsignedPixels.length, features, "pixels");
        float[] values = new float[features];
        for (int i = 0; i < features; i++) {
            values[i] = scale(low, high, unsignedPixels[i] & 0xff);
        }
        transform(values);
        return values;
    }

    /**
     * Applies every step after the byte scaling to the samples in {@code values}, {@link #features()} values each,
     * in place: what a sample of scaled bytes, or of values read from a CSV file, goes through.
     */
    public void transform(float[] values) {
        if (values.length % features != 0) {
            throw new IllegalArgumentException(values.length + " values are not samples of " + features
                    + " features");
        }
        if (contrastScale > 0) {
            normalizeContrast(values, features, contrastScale);
        }
        if (centeringMeans != null) {
            center(values, centeringMeans);
        }
        if (whiteningMean != null) {
            whiten(values, whiteningMean, whiteningMatrix);
        }
    }

    /** Byte {@code value} (0..255) scaled: {@code low + (high - low) * value / 255}, in float, in that order. */
    public static float scale(float low, float high, int value) {
        return low + (high - low) * value / 255f;
    }

    /**
     * Global contrast normalisation of each sample on its own, as pylearn2's global_contrast_normalize(X, scale)
     * with its defaults: subtract the sample's mean, divide by its Euclidean norm over {@code scale}; a sample whose
     * divisor is below {@link #MIN_DIVISOR} is only centred. Sums, mean and divisor in double, each value rounded
     * to float once at the end.
     */
    public static void normalizeContrast(float[] values, int features, double scale) {
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
            double divisor = Math.sqrt(squares) / scale;
            if (divisor < MIN_DIVISOR) {
                divisor = 1;
            }
            for (int j = 0; j < features; j++) {
                values[base + j] = (float) ((values[base + j] - mean) / divisor);
            }
        }
    }

    /** Subtracts {@code means[j]} from feature j of every sample in {@code values}, in float, in place. */
    public static void center(float[] values, float[] means) {
        int features = means.length;
        for (int i = 0; i < values.length; i++) {
            values[i] -= means[i % features];
        }
    }

    /**
     * Replaces every sample {@code x} in {@code values} by {@code (x - mean) P}, in place: each centred value is
     * {@code (float) (x_i - mean_i)} (the subtraction in double), and output j is the float sum over i = 0, 1, ...
     * of {@code c_i * P[i][j]}, starting from 0, each product rounded before its addition. That order is fixed, so
     * that one sample alone, a block of them and the C export give the same bits; blocks of samples only share the
     * reading of the matrix.
     */
    public static void whiten(float[] values, double[] mean, float[] matrix) {
        whiten(values, 0, values.length / mean.length, mean, matrix);
    }

    /**
     * {@link #whiten(float[], double[], float[])} for the {@code count} samples from sample {@code first} on:
     * callers may whiten parts of an array on several threads and get the same bits.
     */
    public static void whiten(float[] values, int first, int count, double[] mean, float[] matrix) {
        int features = mean.length;
        int end = first + count;
        float[] centred = new float[WHITEN_BLOCK * features];
        float[] out = new float[WHITEN_BLOCK * features];
        for (int block = first; block < end; block += WHITEN_BLOCK) {
            int rows = Math.min(WHITEN_BLOCK, end - block);
            for (int r = 0; r < rows; r++) {
                int base = (block + r) * features;
                for (int i = 0; i < features; i++) {
                    centred[r * features + i] = (float) (values[base + i] - mean[i]);
                }
            }
            Arrays.fill(out, 0f);
            int i = 0;
            // four rows of P at a time: each output still adds its products one after the other, in the order of
            // i, but is loaded and stored a quarter as often
            for (; i + 4 <= features; i += 4) {
                int row0 = i * features;
                int row1 = row0 + features;
                int row2 = row1 + features;
                int row3 = row2 + features;
                for (int r = 0; r < rows; r++) {
                    int at = r * features + i;
                    float c0 = centred[at];
                    float c1 = centred[at + 1];
                    float c2 = centred[at + 2];
                    float c3 = centred[at + 3];
                    int o = r * features;
                    for (int j = 0; j < features; j++) {
                        out[o + j] = out[o + j] + c0 * matrix[row0 + j] + c1 * matrix[row1 + j]
                                + c2 * matrix[row2 + j] + c3 * matrix[row3 + j];
                    }
                }
            }
            for (; i < features; i++) {
                int row = i * features;
                for (int r = 0; r < rows; r++) {
                    float c = centred[r * features + i];
                    int o = r * features;
                    for (int j = 0; j < features; j++) {
                        out[o + j] += c * matrix[row + j];
                    }
                }
            }
            System.arraycopy(out, 0, values, block * features, rows * features);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputPipeline that && features == that.features
                && Float.compare(low, that.low) == 0 && Float.compare(high, that.high) == 0
                && Double.compare(contrastScale, that.contrastScale) == 0
                && Arrays.equals(centeringMeans, that.centeringMeans)
                && Arrays.equals(whiteningMean, that.whiteningMean)
                && Arrays.equals(whiteningMatrix, that.whiteningMatrix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, low, high, contrastScale, Arrays.hashCode(centeringMeans),
                Arrays.hashCode(whiteningMean), Arrays.hashCode(whiteningMatrix));
    }

    /** E.g. {@code scale [-1.0, 1.0], gcn 55.0, zca} over 3072 features. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("scale [").append(low).append(", ").append(high).append(']');
        if (contrastScale > 0) {
            text.append(", gcn ").append(contrastScale);
        }
        if (centeringMeans != null) {
            text.append(", center");
        }
        if (whiteningMean != null) {
            text.append(", zca");
        }
        return text.append(" over ").append(features).append(" features").toString();
    }
}
