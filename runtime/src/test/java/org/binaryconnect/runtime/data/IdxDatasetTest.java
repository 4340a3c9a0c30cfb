package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetTest {

    @TempDir
    Path dir;

    @Test
    void loadsCompressedDatasetAndScalesPixelsToMinusOneOne() {
        byte[] pixels = {0, (byte) 255, 51, (byte) 204, 1, 2, 3, 4};
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFiles.gzip(IdxFiles.images(2, 2, 2, pixels)));
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[] {2, 0})));
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.images(1, 2, 2, new byte[] {9, 9, 9, 9})));
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[] {1})));

        Dataset dataset = IdxDataset.load(dir, 4, 3);

        assertEquals(2, dataset.training().size());
        assertEquals(1, dataset.test().size());
        assertEquals(4, dataset.training().features());
        assertEquals(2, dataset.rows());
        assertEquals(2, dataset.columns());
        assertEquals(2, dataset.training().label(0));
        assertEquals(0, dataset.training().label(1));
        assertEquals(1, dataset.test().label(0));
        assertEquals(-1f, dataset.training().feature(0, 0), 1e-6);
        assertEquals(1f, dataset.training().feature(0, 1), 1e-6);
        assertEquals(-0.6f, dataset.training().feature(0, 2), 1e-6);
        assertEquals(0.6f, dataset.training().feature(0, 3), 1e-6);
        assertEquals(2 * 4 / 255f - 1, dataset.training().feature(1, 3), 1e-6);
    }

    @Test
    void acceptsRawAndCompressedFilesMixed() {
        SyntheticImages train = SyntheticImages.generate(20, 4, 4, 3, 1);
        SyntheticImages test = SyntheticImages.generate(5, 4, 4, 3, 2);
        IdxFiles.writeDataset(dir, train, test, false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(train.labels())));
        assertTrue(labels.toFile().delete());

        Dataset dataset = IdxDataset.load(dir, 16, 3);

        assertEquals(20, dataset.training().size());
        for (int i = 0; i < 20; i++) {
            assertEquals(train.labels()[i], dataset.training().label(i));
        }
        assertEquals(5, dataset.test().size());
    }

    @Test
    void missingDirectoryGivesInstallHint() {
        Path missing = dir.resolve("nowhere");

        DataException e = assertThrows(DataException.class, () -> IdxDataset.load(missing, 784, 10));

        assertTrue(e.getMessage().startsWith("Data directory " + missing + " does not exist: "), e.getMessage());
        assertTrue(e.getMessage().contains("install Debian's package dataset-fashion-mnist (apt-get install "
                + "dataset-fashion-mnist), which puts Fashion-MNIST in /usr/share/datasets/fashion-mnist, or set "
                + "-Dbinaryconnect.data=<directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz>"), e.getMessage());
    }

    @Test
    void fileInsteadOfDirectoryIsNamed() {
        Path file = IdxFiles.write(dir.resolve("file"), new byte[1]);

        DataException e = assertThrows(DataException.class, () -> IdxDataset.load(file, 784, 10));

        assertTrue(e.getMessage().contains(file + " is not a directory"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws Exception {
        IdxFiles.writeDataset(dir, SyntheticImages.generate(4, 2, 2, 2, 1), SyntheticImages.generate(4, 2, 2, 2, 2),
                true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));

        DataException e = assertThrows(DataException.class, () -> IdxDataset.load(dir, 4, 2));

        assertTrue(e.getMessage().contains(dir + " has no train-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz"),
                e.getMessage());
    }

    @Test
    void imageAndLabelCountsMustMatch() {
        IdxFiles.writeDataset(dir, SyntheticImages.generate(6, 2, 2, 2, 1), SyntheticImages.generate(4, 2, 2, 2, 2),
                true);
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[3])));

        DataException e = assertThrows(DataException.class, () -> IdxDataset.load(dir, 4, 2));

        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte.gz holds 4 images but"), e.getMessage());
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte.gz holds 3 labels"), e.getMessage());
    }

    @Test
    void imageSizeMustMatchNetworkInput() {
        IdxFiles.writeDataset(dir, SyntheticImages.generate(6, 28, 28, 2, 1), SyntheticImages.generate(4, 28, 28, 2, 2),
                true);

        DataException e = assertThrows(DataException.class, () -> IdxDataset.load(dir, 3072, 2));

        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz are 28x28 = 784 values, but the network takes "
                + "3072 inputs"), e.getMessage());
    }

    @Test
    void labelsMustBeBelowClassCount() {
        SyntheticImages train = SyntheticImages.generate(6, 2, 2, 2, 1);
        train.labels()[4] = 12;
        IdxFiles.writeDataset(dir, train, SyntheticImages.generate(4, 2, 2, 2, 2), true);

        DataException e = assertThrows(DataException.class, () -> IdxDataset.load(dir, 4, 10));

        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz has label 12 at index 4, outside [0, 10)"),
                e.getMessage());
    }

    @Test
    void damagedFileInDatasetIsNamed() {
        IdxFiles.writeDataset(dir, SyntheticImages.generate(6, 2, 2, 2, 1), SyntheticImages.generate(4, 2, 2, 2, 2),
                false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.images(1, 1, 1, new byte[1]));

        DataException e = assertThrows(DataException.class, () -> IdxDataset.load(dir, 4, 2));

        assertTrue(e.getMessage().startsWith(dir.resolve("train-labels-idx1-ubyte") + " is not an IDX label file"),
                e.getMessage());
    }
}
