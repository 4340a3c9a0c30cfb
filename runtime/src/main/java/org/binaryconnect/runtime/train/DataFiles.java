package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.binaryconnect.runtime.data.Preprocessing;

/**
 * Identifies the data a run trained on by its files' names, sizes and modification times, as build tools do, and
 * its preprocessing: a checkpoint made on other data is not resumed.
 */
final class DataFiles {

    private DataFiles() {
    }

    static String key(List<Path> files, Preprocessing preprocessing) {
        return files.stream().sorted().map(DataFiles::stamp).collect(Collectors.joining(";")) + ";" + preprocessing;
    }

    private static String stamp(Path file) {
        try {
            return file.getFileName() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size and time of " + file, e);
        }
    }
}
