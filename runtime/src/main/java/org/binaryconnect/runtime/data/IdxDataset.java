package org.binaryconnect.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads an IDX dataset directory (MNIST, Fashion-MNIST or EMNIST layout, see {@link IdxLayout}), each file
 * gzip-compressed or raw, and checks that it fits the network before anything trains. EMNIST images, stored
 * transposed, are turned to MNIST's orientation on load.
 */
public final class IdxDataset {

    /** The system property (and plugin parameter) that names the dataset directory. */
    public static final String DATA_PROPERTY = "binaryconnect.data";

    /** Where Debian's package dataset-fashion-mnist installs Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

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
     * predicting {@code classes} classes; pixels are scaled to {@code [-1, 1]}.
     *
     * @throws DataException naming the directory or file and what to change, when anything is missing, damaged
     *     or does not fit
     */
    public static Dataset load(Path directory, int inputSize, int classes) {
        return Preprocessing.defaults().apply(read(directory, null, inputSize, classes));
    }

    /** Reads and validates, without preprocessing; {@code emnistSplit} as in {@link IdxLayout#locate}. */
    static RawDataset read(Path directory, String emnistSplit, int inputSize, int classes) {
        if (!Files.isDirectory(directory)) {
            String problem = Files.exists(directory) ? " is not a directory: " : " does not exist: ";
            throw new DataException("Data directory " + directory + problem + INSTALL_HINT + ".");
        }
        IdxLayout layout = IdxLayout.locate(directory, emnistSplit);
        IdxImages trainImages = oriented(IdxReader.readImages(layout.trainImages()), layout);
        byte[] trainLabels = IdxReader.readLabels(layout.trainLabels());
        IdxImages testImages = oriented(IdxReader.readImages(layout.testImages()), layout);
        byte[] testLabels = IdxReader.readLabels(layout.testLabels());
        RawSamples training = samples(trainImages, trainLabels, layout.trainLabels(), inputSize, classes);
        RawSamples test = samples(testImages, testLabels, layout.testLabels(), inputSize, classes);
        return new RawDataset(directory, training, test, 1, trainImages.rows(), trainImages.columns());
    }

    private static IdxImages oriented(IdxImages images, IdxLayout layout) {
        return layout.transposed() ? images.transposed() : images;
    }

    private static RawSamples samples(IdxImages images, byte[] labels, Path labelFile, int inputSize, int classes) {
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
        LabelCheck.check(labelFile, labels, classes, 0);
        return RawSamples.ofBytes(images.pixels(), labels, inputSize);
    }
}
