package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.binaryconnect.runtime.run.EpochResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {

    @TempDir
    Path dir;

    @Test
    void eachWriteReplacesTheWholeFileSoRunsNeverMixTheirRows() throws IOException {
        Path file = dir.resolve(MetricsCsv.FILE_NAME);
        List<EpochResult> first = List.of(epoch(1), epoch(2), epoch(3));
        MetricsCsv.write(file, first);

        // a second run (or a resume from the checkpoint of epoch 1) writes its own history, never after the old rows
        MetricsCsv.write(file, List.of(epoch(1)));

        assertEquals(List.of(MetricsCsv.HEADER, epoch(1).csvRow()), Files.readAllLines(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aRunWithoutEpochsYetHasTheHeader() throws IOException {
        Path file = dir.resolve(MetricsCsv.FILE_NAME);

        MetricsCsv.write(file, List.of());

        assertEquals(MetricsCsv.HEADER + "\n", Files.readString(file));
    }

    @Test
    void theHeaderIsTheDocumentedOneWithTheBinaryAccuraciesLast() {
        // README ("Each run writes") documents these columns; readers of the first seven must keep working
        assertEquals("epoch,learning_rate,train_loss,val_accuracy,test_accuracy,seconds,samples_per_s,"
                + "val_binary_accuracy,test_binary_accuracy", MetricsCsv.HEADER);
    }

    @Test
    void aStochasticRunsFileCarriesBothAccuraciesOfEveryEpoch() throws IOException {
        Path file = dir.resolve(MetricsCsv.FILE_NAME);
        MetricsCsv.write(file, List.of(new EpochResult(1, 1e-3, 0.4, 0.84, 0.83, 30, 2600, 0.80, 0.79, true),
                new EpochResult(2, 5e-4, 0.2, 0.85, 0.84, 30, 2600, 0.83, 0.82, true)));

        List<String> lines = Files.readAllLines(file);

        assertEquals(List.of(MetricsCsv.HEADER, "1,0.00100000,0.400000,0.840000,0.830000,30.000,2600.0,0.800000,"
                + "0.790000", "2,0.000500000,0.200000,0.850000,0.840000,30.000,2600.0,0.830000,0.820000"), lines);
    }

    @Test
    void aDeterministicRunsBinaryColumnsAreItsAccuracies() throws IOException {
        Path file = dir.resolve(MetricsCsv.FILE_NAME);
        MetricsCsv.write(file, List.of(epoch(1)));

        String[] fields = Files.readAllLines(file).get(1).split(",", -1);

        assertEquals(MetricsCsv.HEADER.split(",").length, fields.length);
        assertEquals(fields[3], fields[7], "val_binary_accuracy");
        assertEquals(fields[4], fields[8], "test_binary_accuracy");
    }

    private static EpochResult epoch(int epoch) {
        return new EpochResult(epoch, 0.5 / epoch, 1.0 / epoch, 0.8, 0.7, 2.0, 1000.0);
    }
}
