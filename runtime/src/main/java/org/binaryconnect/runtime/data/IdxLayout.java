package org.binaryconnect.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the four IDX files of a dataset directory are: MNIST's names ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, used by
 * MNIST and Fashion-MNIST) or EMNIST's ({@code emnist-<split>-train-images-idx3-ubyte}, ...,
 * {@code emnist-<split>-test-labels-idx1-ubyte}), each gzip-compressed ({@code .gz}) or raw.
 *
 * @param transposed whether images are stored column by column (EMNIST's files are), so a reader must transpose
 *     each image to get MNIST's row-major orientation
 */
record IdxLayout(Path trainImages, Path trainLabels, Path testImages, Path testLabels, boolean transposed) {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> MNIST_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private static final Pattern EMNIST_TRAIN_IMAGES = Pattern.compile("emnist-(.+)-train-images-idx3-ubyte(\\.gz)?");

    List<Path> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /**
     * The layout of {@code directory}: MNIST's names when all four files are there, else the EMNIST split
     * {@code emnistSplit} (null: the only split the directory holds).
     *
     * @throws DataException naming what is missing or ambiguous and what to change
     */
    static IdxLayout locate(Path directory, String emnistSplit) {
        if (emnistSplit == null) {
            List<Path> mnist = existing(directory, MNIST_NAMES);
            if (mnist.size() == 4) {
                return of(mnist, false);
            }
            TreeSet<String> splits = emnistSplits(directory);
            if (splits.size() > 1) {
                throw new DataException("Data directory " + directory + " holds the EMNIST splits "
                        + String.join(", ", splits) + ": choose one (the EMNIST split option, e.g. "
                        + splits.first() + ").");
            }
            if (splits.isEmpty()) {
                throw missing(directory, MNIST_NAMES, "");
            }
            emnistSplit = splits.first();
        }
        List<String> names = emnistNames(emnistSplit);
        List<Path> emnist = existing(directory, names);
        if (emnist.size() != 4) {
            throw missing(directory, names, " (EMNIST split " + emnistSplit + ")");
        }
        return of(emnist, true);
    }

    /** The layout if {@code directory} holds a complete MNIST-named or single-split EMNIST dataset. */
    static Optional<IdxLayout> find(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try {
            return Optional.of(locate(directory, null));
        } catch (DataException e) {
            return Optional.empty();
        }
    }

    static List<String> emnistNames(String split) {
        String prefix = "emnist-" + split + "-";
        return List.of(prefix + "train-images-idx3-ubyte", prefix + "train-labels-idx1-ubyte",
                prefix + "test-images-idx3-ubyte", prefix + "test-labels-idx1-ubyte");
    }

    private static IdxLayout of(List<Path> files, boolean transposed) {
        return new IdxLayout(files.get(0), files.get(1), files.get(2), files.get(3), transposed);
    }

    /** The uncompressed files beside the compressed ones this layout reads, which are therefore not read. */
    List<Path> ignoredTwins() {
        List<Path> ignored = new ArrayList<>();
        for (Path file : List.of(trainImages, trainLabels, testImages, testLabels)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".gz")) {
                Path raw = file.resolveSibling(name.substring(0, name.length() - ".gz".length()));
                if (Files.isRegularFile(raw)) {
                    ignored.add(raw);
                }
            }
        }
        return ignored;
    }

    /** For each name the compressed file if present, else the raw one; names with neither are left out. */
    private static List<Path> existing(Path directory, List<String> names) {
        List<Path> found = new ArrayList<>();
        for (String name : names) {
            Path compressed = directory.resolve(name + ".gz");
            Path raw = directory.resolve(name);
            if (Files.isRegularFile(compressed)) {
                found.add(compressed);
            } else if (Files.isRegularFile(raw)) {
                found.add(raw);
            }
        }
        return found;
    }

    private static DataException missing(Path directory, List<String> names, String what) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!Files.isRegularFile(directory.resolve(name + ".gz")) && !Files.isRegularFile(directory.resolve(name))) {
                missing.add(name + ".gz");
            }
        }
        return new DataException("Data directory " + directory + " has no " + String.join(", ", missing)
                + " (compressed or raw)" + what + ": put the missing file" + (missing.size() > 1 ? "s" : "")
                + " there, or set -D" + IdxDataset.DATA_PROPERTY
                + "=<directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz>.");
    }

    private static TreeSet<String> emnistSplits(Path directory) {
        TreeSet<String> splits = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                Matcher matcher = EMNIST_TRAIN_IMAGES.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    splits.add(matcher.group(1));
                }
            });
        } catch (IOException e) {
            throw new DataException("Cannot list data directory " + directory + ": " + e.getMessage() + ".", e);
        }
        return splits;
    }
}
