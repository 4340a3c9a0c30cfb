package org.binaryconnect.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");

        AtomicFiles.writeString(file, "new \u00e9");

        assertEquals("new \u00e9", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("report.html"), names(dir));
    }

    @Test
    void createsTheDirectory() throws IOException {
        Path file = dir.resolve("a/b/metrics.json");

        AtomicFiles.write(file, new byte[] {1, 2, 3});

        assertEquals(3, Files.size(file));
    }

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "the previous report");

        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("injected: disk full");
        }));

        assertEquals("injected: disk full", thrown.getMessage());
        assertEquals("the previous report", Files.readString(file));
        assertEquals(List.of("metrics.json"), names(dir));
    }

    @Test
    void aRuntimeFailureLeavesNoTemporaryFileEither() throws IOException {
        Path file = dir.resolve("chart.png");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write(42);
            throw new IllegalStateException("injected");
        }));

        assertEquals(List.of(), names(dir));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
