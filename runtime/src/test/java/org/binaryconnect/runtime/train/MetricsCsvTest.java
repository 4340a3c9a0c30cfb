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

    private static EpochResult epoch(int epoch) {
        return new EpochResult(epoch, 0.5 / epoch, 1.0 / epoch, 0.8, 0.7, 2.0, 1000.0);
    }
}
