package org.binaryconnect.runtime.run;

import java.util.Locale;

/**
 * The figures of one epoch.
 *
 * @param epoch 1-based
 * @param learningRate the rate used throughout the epoch
 * @param trainLoss the mean training loss over the epoch's batches
 * @param validationAccuracy fraction in [0, 1]; NaN when no samples are held out for validation
 * @param testAccuracy fraction in [0, 1]
 * @param seconds wall time of the whole epoch, evaluation included
 * @param samplesPerSecond training samples per second of training alone (evaluation excluded)
 */
public record EpochResult(int epoch, double learningRate, double trainLoss, double validationAccuracy,
        double testAccuracy, double seconds, double samplesPerSecond) {

    /** The row of {@code metrics.csv}; an empty field where there is no validation accuracy. */
    public String csvRow() {
        return String.join(",", String.valueOf(epoch), format("%.6g", learningRate), format("%.6g", trainLoss),
                Double.isNaN(validationAccuracy) ? "" : format("%.6f", validationAccuracy),
                format("%.6f", testAccuracy), format("%.3f", seconds), format("%.1f", samplesPerSecond));
    }

    /** The console line, e.g. {@code epoch 3/10  lr 0.000185  train_loss 0.0412  val_accuracy 0.8812 ...}. */
    public String consoleLine(int epochs) {
        String validation = Double.isNaN(validationAccuracy) ? "-" : format("%.4f", validationAccuracy);
        return format("epoch %d/%d  lr %.3g  train_loss %.4f  val_accuracy %s  test_accuracy %.4f  %.1f s  %.0f samples/s",
                epoch, epochs, learningRate, trainLoss, validation, testAccuracy, seconds, samplesPerSecond);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
