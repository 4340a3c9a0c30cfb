package org.binaryconnect.runtime.train;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.binaryconnect.runtime.data.FileStamp;
import org.binaryconnect.runtime.data.Preprocessing;

/**
 * Identifies the data a run trained on by its files' names, sizes and modification times, as build tools do, and
 * its preprocessing: a checkpoint made on other data is not resumed.
 */
final class DataFiles {

    private DataFiles() {
    }

    static String key(List<Path> files, Preprocessing preprocessing) {
        return files.stream().sorted().map(FileStamp::of).collect(Collectors.joining(";")) + ";" + preprocessing;
    }
}
