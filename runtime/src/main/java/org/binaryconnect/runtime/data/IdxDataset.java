package org.binaryconnect.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an MNIST-format dataset directory: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each gzip-compressed ({@code .gz}) or raw,
 * and checks that it fits the network before anything trains.
 */
public final class IdxDataset {

    /** The system property (and plugin parameter) that names the dataset directory. */
    public static final String DATA_PROPERTY = "binaryconnect.data";

    /** Where Debian's package dataset-fashion-mnist installs Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    private static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    static final String INSTALL_HINT = "install Debian's package dataset-fashion-mnist (apt-get install "
            + "dataset-fashion-mnist), which puts Fashion-MNIST in " + DEBIAN_FASHION_MNIST + ", or set -D"
            + DATA_PROPERTY + "=<directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
            + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz>";

    private IdxDataset() {
    }

    /** The directory named by the {@value #DATA_PROPERTY} system property, else Debian's Fashion-MNIST. */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DATA_PROPERTY);
        return configured == null || configured.isBlank() ? DEBIAN_FASHION_MNIST : Path.of(configured);
    }

    /**
     * Loads and validates the dataset in {@code directory} for a network taking {@code inputSize} values and
     * predicting {@code classes} classes.
     *
     * @throws DataException naming the directory or file and what to change, when anything is missing, damaged
     *     or does not fit
     */
    public static Dataset load(Path directory, int inputSize, int classes) {
        if (!Files.isDirectory(directory)) {
            String problem = Files.exists(directory) ? " is not a directory: " : " does not exist: ";
            throw new DataException("Data directory " + directory + problem + INSTALL_HINT + ".");
        }
        List<Path> files = locate(directory);
        IdxImages trainImages = IdxReader.readImages(files.get(0));
        byte[] trainLabels = IdxReader.readLabels(files.get(1));
        IdxImages testImages = IdxReader.readImages(files.get(2));
        byte[] testLabels = IdxReader.readLabels(files.get(3));
        Samples training = samples(trainImages, trainLabels, files.get(1), inputSize, classes);
        Samples test = samples(testImages, testLabels, files.get(3), inputSize, classes);
        return new Dataset(directory, training, test, trainImages.rows(), trainImages.columns());
    }

    /** The four files, compressed or raw, in the order of {@link #FILES}; every missing one is named at once. */
    private static List<Path> locate(Path directory) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : FILES) {
            Path compressed = directory.resolve(name + ".gz");
            Path raw = directory.resolve(name);
            if (Files.isRegularFile(compressed)) {
                found.add(compressed);
            } else if (Files.isRegularFile(raw)) {
                found.add(raw);
            } else {
                missing.add(name + ".gz");
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("Data directory " + directory + " has no " + String.join(", ", missing)
                    + " (compressed or raw): put the missing file" + (missing.size() > 1 ? "s" : "")
                    + " there, or set -D" + DATA_PROPERTY
                    + "=<directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                    + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz>.");
        }
        return found;
    }

    private static Samples samples(IdxImages images, byte[] labels, Path labelFile, int inputSize, int classes) {
        if (images.count() != labels.length) {
            throw new DataException(images.file() + " holds " + images.count() + " images but " + labelFile
                    + " holds " + labels.length + " labels: use an image file and a label file of the same dataset.");
        }
        if (images.imageSize() != inputSize) {
            throw new DataException("Images in " + images.file() + " are " + images.rows() + "x" + images.columns()
                    + " = " + images.imageSize() + " values, but the network takes " + inputSize
                    + " inputs: use a dataset whose images have " + inputSize
                    + " values, or declare the network's input as {" + images.rows() + ", " + images.columns()
                    + ", 1}.");
        }
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xff;
            if (label >= classes) {
                throw new DataException(labelFile + " has label " + label + " at index " + i + ", outside [0, "
                        + classes + ") for a network with " + classes + " classes: use a dataset with " + classes
                        + " classes, or declare classes = " + (maxLabel(labels) + 1) + " in the network.");
            }
        }
        return new Samples(images.pixels(), labels, inputSize);
    }

    private static int maxLabel(byte[] labels) {
        int max = 0;
        for (byte label : labels) {
            max = Math.max(max, label & 0xff);
        }
        return max;
    }
}
