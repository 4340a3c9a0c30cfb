package org.binaryconnect.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the six CIFAR-10 binary batches are: in the given directory or in its {@code cifar-10-batches-bin}
 * subdirectory (what the official cifar-10-binary.tar.gz unpacks to).
 */
record CifarTenLayout(Path directory, List<Path> trainingBatches, Path testBatch) {

    static final String DIRECTORY = "cifar-10-batches-bin";
    static final List<String> TRAINING = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST = "test_batch.bin";
    /** The classes of labels 0 to 9, as the dataset's batches.meta.txt lists them. */
    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    /** Training batches in order, then the test batch. */
    List<Path> files() {
        List<Path> files = new ArrayList<>(trainingBatches);
        files.add(testBatch);
        return files;
    }

    /** The layout if {@code path} or its cifar-10-batches-bin holds all six batches. */
    static Optional<CifarTenLayout> find(Path path) {
        for (Path directory : List.of(path, path.resolve(DIRECTORY))) {
            if (missing(directory).isEmpty()) {
                return Optional.of(of(directory));
            }
        }
        return Optional.empty();
    }

    /** @throws DataException naming the missing batches and what to change */
    static CifarTenLayout locate(Path path) {
        if (!Files.isDirectory(path)) {
            String problem = Files.exists(path) ? " is not a directory" : " does not exist";
            throw new DataException("CIFAR-10 directory " + path + problem + ": give the directory "
                    + DIRECTORY + " (or its parent) unpacked from cifar-10-binary.tar.gz, or the name cifar10 to "
                    + "download it.");
        }
        Optional<CifarTenLayout> found = find(path);
        if (found.isPresent()) {
            return found.get();
        }
        Path directory = Files.isDirectory(path.resolve(DIRECTORY)) ? path.resolve(DIRECTORY) : path;
        throw new DataException("CIFAR-10 directory " + directory + " has no " + String.join(", ", missing(directory))
                + ": unpack cifar-10-binary.tar.gz there again, or give the name cifar10 to download it.");
    }

    private static CifarTenLayout of(Path directory) {
        return new CifarTenLayout(directory, TRAINING.stream().map(directory::resolve).toList(),
                directory.resolve(TEST));
    }

    private static List<String> missing(Path directory) {
        List<String> missing = new ArrayList<>();
        for (String name : TRAINING) {
            if (!Files.isRegularFile(directory.resolve(name))) {
                missing.add(name);
            }
        }
        if (!Files.isRegularFile(directory.resolve(TEST))) {
            missing.add(TEST);
        }
        return missing;
    }
}
