package org.binaryconnect.runtime.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a training run produced.
 *
 * @param epochs every epoch's figures, in order
 * @param best the epoch with the best validation accuracy (the last of equals, as the authors' {@code <=});
 *     its test accuracy is the one to report
 * @param modelFile {@code model.bin}: the state at {@code best}
 * @param metricsFile {@code metrics.csv}: one row per epoch
 */
public record TrainingResult(List<EpochResult> epochs, EpochResult best, Path modelFile, Path metricsFile) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    /** The test accuracy at the best validation epoch. */
    public double testAccuracy() {
        return best.testAccuracy();
    }

    /** The run's last console line. */
    public String summaryLine() {
        String validation = Double.isNaN(best.validationAccuracy()) ? "no validation samples, last epoch"
                : String.format(Locale.ROOT, "best validation accuracy %.4f at epoch %d", best.validationAccuracy(),
                        best.epoch());
        String binary = best.binaryApart()
                ? String.format(Locale.ROOT, " (with binary weights, as exported: %.4f)", best.testBinaryAccuracy())
                : "";
        return String.format(Locale.ROOT, "%s, test accuracy %.4f%s; model: %s", validation, best.testAccuracy(),
                binary, modelFile);
    }
}
