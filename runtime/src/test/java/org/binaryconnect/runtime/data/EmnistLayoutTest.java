package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmnistLayoutTest {

    @TempDir
    Path dir;

    /** An image of 2 rows and 3 columns as MNIST stores it (row-major): 1 2 3 / 4 5 6. */
    private static final byte[] UPRIGHT = {1, 2, 3, 4, 5, 6};
    /** The same image as EMNIST stores it: column by column, so the header says 3 rows of 2. */
    private static final byte[] STORED_TRANSPOSED = {1, 4, 2, 5, 3, 6};

    private void writeSplit(String split, boolean compressed) {
        String suffix = compressed ? ".gz" : "";
        List<String> names = IdxLayout.emnistNames(split);
        byte[][] contents = {
            IdxFiles.images(1, 3, 2, STORED_TRANSPOSED), IdxFiles.labels(new byte[] {4}),
            IdxFiles.images(1, 3, 2, STORED_TRANSPOSED), IdxFiles.labels(new byte[] {2})};
        for (int i = 0; i < 4; i++) {
            IdxFiles.write(dir.resolve(names.get(i) + suffix), compressed ? IdxFiles.gzip(contents[i]) : contents[i]);
        }
    }

    @Test
    void emnistImagesAreTransposedToMnistOrientation() {
        writeSplit("balanced", true);

        RawDataset raw = IdxDataset.read(dir, null, 6, 47);

        assertArrayEquals(UPRIGHT, raw.training().bytes());
        assertArrayEquals(UPRIGHT, raw.test().bytes());
        assertEquals(2, raw.rows());
        assertEquals(3, raw.columns());
        assertEquals(4, raw.training().labels()[0]);
    }

    @Test
    void rawEmnistFilesWorkToo() {
        writeSplit("digits", false);

        RawDataset raw = IdxDataset.read(dir, "digits", 6, 10);

        assertArrayEquals(UPRIGHT, raw.training().bytes());
    }

    @Test
    void mnistNamesAreNotTransposed() {
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), IdxFiles.images(1, 2, 3, UPRIGHT));
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[] {1})));
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxFiles.gzip(IdxFiles.images(1, 2, 3, UPRIGHT)));
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(new byte[] {0}));

        RawDataset raw = IdxDataset.read(dir, null, 6, 2);

        assertArrayEquals(UPRIGHT, raw.training().bytes());
        assertArrayEquals(UPRIGHT, raw.test().bytes());
    }

    @Test
    void severalSplitsMustBeChosenBetween() {
        writeSplit("balanced", true);
        writeSplit("letters", true);

        DataException e = assertThrows(DataException.class, () -> IdxDataset.read(dir, null, 6, 47));

        assertTrue(e.getMessage().contains("holds the EMNIST splits balanced, letters: choose one"), e.getMessage());
        assertArrayEquals(UPRIGHT, IdxDataset.read(dir, "letters", 6, 47).training().bytes());
    }

    @Test
    void missingFileOfAChosenSplitIsNamed() {
        writeSplit("balanced", true);

        DataException e = assertThrows(DataException.class, () -> IdxDataset.read(dir, "byclass", 6, 62));

        assertTrue(e.getMessage().contains("has no emnist-byclass-train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("(EMNIST split byclass)"), e.getMessage());
    }
}
