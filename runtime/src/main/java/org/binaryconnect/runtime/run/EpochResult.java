package org.binaryconnect.runtime.run;

import java.util.Locale;

/**
 * The figures of one epoch.
 *
 * <p>The accuracies are measured with the evaluation weights the network declares; a stochastic network (evaluated
 * with its real-valued weights) or one evaluated by {@code SAMPLED_AVERAGE} is measured a second time with
 * deterministic binary weights, the signs that export packs, so that the cost of shipping them shows while training.
 * Where the evaluation weights are the binary ones there is only one measurement, and the binary accuracies are
 * that same figure.
 *
 * @param epoch 1-based
 * @param learningRate the rate used throughout the epoch
 * @param trainLoss the mean training loss over the epoch's batches
 * @param validationAccuracy fraction in [0, 1]; NaN when no samples are held out for validation
 * @param testAccuracy fraction in [0, 1]
 * @param seconds wall time of the whole epoch, evaluation included
 * @param samplesPerSecond training samples per second of training alone (evaluation excluded)
 * @param validationBinaryAccuracy the validation accuracy with deterministic binary weights; NaN without validation
 *     samples
 * @param testBinaryAccuracy the test accuracy with deterministic binary weights: what the exported model scores
 * @param binaryApart whether the binary accuracies were measured apart from the evaluation weights'; false where
 *     the evaluation weights are binary, and then the binary accuracies equal the others
 */
public record EpochResult(int epoch, double learningRate, double trainLoss, double validationAccuracy,
        double testAccuracy, double seconds, double samplesPerSecond, double validationBinaryAccuracy,
        double testBinaryAccuracy, boolean binaryApart) {

    public EpochResult {
        if (!binaryApart && (Double.compare(validationBinaryAccuracy, validationAccuracy) != 0
                || Double.compare(testBinaryAccuracy, testAccuracy) != 0)) {
            throw new IllegalArgumentException("epoch " + epoch + " evaluated with binary weights only has no "
                    + "binary accuracy of its own");
        }
    }

    /** The figures of an epoch of a network whose evaluation weights are its binary weights: one measurement. */
    public EpochResult(int epoch, double learningRate, double trainLoss, double validationAccuracy,
            double testAccuracy, double seconds, double samplesPerSecond) {
        this(epoch, learningRate, trainLoss, validationAccuracy, testAccuracy, seconds, samplesPerSecond,
                validationAccuracy, testAccuracy, false);
    }

    /**
     * The row of {@code metrics.csv}, in the columns of its header: an empty field where there is no validation
     * accuracy; the binary accuracies last (columns added after the others, so that readers of the first seven keep
     * working), the same figures as the evaluation accuracies where those are binary.
     */
    public String csvRow() {
        return String.join(",", String.valueOf(epoch), format("%.6g", learningRate), format("%.6g", trainLoss),
                accuracyField(validationAccuracy), format("%.6f", testAccuracy), format("%.3f", seconds),
                format("%.1f", samplesPerSecond), accuracyField(validationBinaryAccuracy),
                format("%.6f", testBinaryAccuracy));
    }

    /**
     * The console line, e.g. {@code epoch 3/10  lr 0.000185  train_loss 0.0412  val_accuracy 0.8812 ...}; where the
     * binary accuracies were measured apart, each follows its evaluation accuracy, e.g.
     * {@code test_accuracy 0.8504 (binary 0.8391)}.
     */
    public String consoleLine(int epochs) {
        String validation = Double.isNaN(validationAccuracy) ? "-" : format("%.4f", validationAccuracy);
        String test = format("%.4f", testAccuracy);
        if (binaryApart) {
            validation += Double.isNaN(validationAccuracy) ? "" : format(" (binary %.4f)", validationBinaryAccuracy);
            test += format(" (binary %.4f)", testBinaryAccuracy);
        }
        return format("epoch %d/%d  lr %.3g  train_loss %.4f  val_accuracy %s  test_accuracy %s  %.1f s  %.0f samples/s",
                epoch, epochs, learningRate, trainLoss, validation, test, seconds, samplesPerSecond);
    }

    private static String accuracyField(double accuracy) {
        return Double.isNaN(accuracy) ? "" : format("%.6f", accuracy);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
