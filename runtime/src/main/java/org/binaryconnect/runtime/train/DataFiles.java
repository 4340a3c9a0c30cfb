package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Identifies the data a run trained on by its files' names, sizes and modification times, as build tools do: a
 * checkpoint made on other data is not resumed.
 */
final class DataFiles {

    private DataFiles() {
    }

    static String key(Path data) {
        if (!Files.isDirectory(data)) {
            return stamp(data);
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(Files::isRegularFile).sorted().map(DataFiles::stamp).collect(Collectors.joining(";"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + data, e);
        }
    }

    private static String stamp(Path file) {
        try {
            return file.getFileName() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size and time of " + file, e);
        }
    }
}
