package org.binaryconnect.runtime.train;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.binaryconnect.runtime.run.EpochResult;

/**
 * {@code metrics.csv}: a header and one row per epoch, flushed as each epoch ends so that a run that is stopped
 * or crashes still leaves its figures, and a plot can follow a run in progress.
 */
public final class MetricsCsv implements Closeable {

    public static final String FILE_NAME = "metrics.csv";
    public static final String HEADER =
            "epoch,learning_rate,train_loss,val_accuracy,test_accuracy,seconds,samples_per_s";

    private final BufferedWriter writer;

    private MetricsCsv(BufferedWriter writer) {
        this.writer = writer;
    }

    /** Creates (or replaces) {@code file} and writes the header. */
    public static MetricsCsv create(Path file) throws IOException {
        MetricsCsv metrics = new MetricsCsv(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        metrics.writeLine(HEADER);
        return metrics;
    }

    public void append(EpochResult epoch) throws IOException {
        writeLine(epoch.csvRow());
    }

    private void writeLine(String line) throws IOException {
        writer.write(line);
        writer.write('\n');
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
