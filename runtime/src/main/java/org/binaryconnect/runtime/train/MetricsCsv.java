package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.run.EpochResult;

/**
 * {@code metrics.csv}: a header and one row per epoch, rewritten whole from the run's history as each epoch ends (it
 * is small), so that a run that is stopped or crashes still leaves its figures, a plot can follow a run in progress,
 * and a resumed or repeated run never mixes its rows with another's.
 *
 * <p>The header is the same for every network. {@code val_accuracy} and {@code test_accuracy} are measured with the
 * network's evaluation weights; {@code val_binary_accuracy} and {@code test_binary_accuracy}, the last two columns
 * (appended, so that readers of the first seven keep working), with deterministic binary weights, what export ships.
 * Where the evaluation weights are binary they are the same figures, measured once.
 */
public final class MetricsCsv {

    public static final String FILE_NAME = "metrics.csv";
    public static final String HEADER =
            "epoch,learning_rate,train_loss,val_accuracy,test_accuracy,seconds,samples_per_s,val_binary_accuracy,"
                    + "test_binary_accuracy";

    private MetricsCsv() {
    }

    /** Replaces {@code file} with the header and one row per epoch of {@code epochs}. */
    public static void write(Path file, List<EpochResult> epochs) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochResult epoch : epochs) {
            csv.append(epoch.csvRow()).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }
}
