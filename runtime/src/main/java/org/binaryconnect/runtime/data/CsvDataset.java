package org.binaryconnect.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV dataset: a directory holding {@code train.csv} and {@code test.csv}, or one training file with the test
 * file named in {@link CsvOptions#testFile()}.
 */
final class CsvDataset {

    static final String TRAIN = "train.csv";
    static final String TEST = "test.csv";

    private CsvDataset() {
    }

    /** The training file and the test file, checked to exist. */
    static List<Path> files(Path path, CsvOptions options) {
        Path train;
        Path test;
        if (Files.isDirectory(path)) {
            train = path.resolve(TRAIN);
            test = path.resolve(options.testFile() != null ? options.testFile() : TEST);
        } else {
            if (options.testFile() == null) {
                throw new DataException("CSV dataset " + path + " is one file, but training needs a test file too: "
                        + "name it with the csvTestFile parameter (-Dbinaryconnect.csvTestFile=<file beside it>), or give a directory with " + TRAIN + " and "
                        + TEST + ".");
            }
            train = path;
            Path parent = path.toAbsolutePath().getParent();
            test = parent.resolve(options.testFile());
        }
        for (Path file : List.of(train, test)) {
            if (!Files.isRegularFile(file)) {
                throw new DataException("CSV dataset " + path + " has no " + file + ": give a directory with "
                        + TRAIN + " and " + TEST + ", or a training file and its test file.");
            }
        }
        return List.of(train, test);
    }

    static RawDataset read(Path path, CsvOptions options, int inputSize, int classes) {
        List<Path> files = files(path, options);
        RawSamples training = CsvReader.read(files.get(0), options, inputSize, classes);
        RawSamples test = CsvReader.read(files.get(1), options, inputSize, classes);
        return new RawDataset(path, training, test, 1, 1, inputSize);
    }
}
