package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, (byte) 200, (byte) 255, 9, 10, 11, 12};

    @TempDir
    Path dir;

    @Test
    void readsRawImages() {
        Path file = IdxFiles.write(dir.resolve("images"), IdxFiles.images(2, 2, 3, PIXELS));

        IdxImages images = IdxReader.readImages(file);

        assertEquals(2, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.columns());
        assertEquals(6, images.imageSize());
        assertArrayEquals(PIXELS, images.pixels());
        assertEquals(file, images.file());
    }

    @Test
    void readsGzipImagesAndLabels() {
        Path images = IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(IdxFiles.images(2, 2, 3, PIXELS)));
        Path labels = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[] {7, 1})));

        assertArrayEquals(PIXELS, IdxReader.readImages(images).pixels());
        assertArrayEquals(new byte[] {7, 1}, IdxReader.readLabels(labels));
    }

    @Test
    void detectsCompressionFromContentNotName() {
        Path gzipWithoutSuffix = IdxFiles.write(dir.resolve("images"),
                IdxFiles.gzip(IdxFiles.images(2, 2, 3, PIXELS)));
        Path rawWithSuffix = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.labels(new byte[] {3, 4, 5}));

        assertArrayEquals(PIXELS, IdxReader.readImages(gzipWithoutSuffix).pixels());
        assertArrayEquals(new byte[] {3, 4, 5}, IdxReader.readLabels(rawWithSuffix));
    }

    @Test
    void rejectsLabelFileGivenAsImages() {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(new byte[] {1, 2}));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000801"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0x00000803"), e.getMessage());
    }

    @Test
    void rejectsImageFileGivenAsLabels() {
        Path file = IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(IdxFiles.images(2, 2, 3, PIXELS)));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains("magic number is 0x00000803"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0x00000801"), e.getMessage());
    }

    @Test
    void rejectsTruncatedRawFile() {
        byte[] whole = IdxFiles.images(2, 2, 3, PIXELS);
        Path file = IdxFiles.write(dir.resolve("images"), Arrays.copyOf(whole, whole.length - 5));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file + " is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("2 images of 2x3 (12 bytes) but only 7 bytes follow"), e.getMessage());
    }

    @Test
    void rejectsGzipFileWhoseContentIsTruncated() {
        byte[] whole = IdxFiles.images(2, 2, 3, PIXELS);
        Path file = IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(Arrays.copyOf(whole, whole.length - 5)));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("only 7 bytes follow"), e.getMessage());
    }

    @Test
    void rejectsCutOffGzipStream() {
        byte[] compressed = IdxFiles.gzip(IdxFiles.images(2, 2, 3, PIXELS));
        Path file = IdxFiles.write(dir.resolve("images.gz"), Arrays.copyOf(compressed, compressed.length - 12));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsFileShorterThanItsHeader() {
        Path file = IdxFiles.write(dir.resolve("labels"), new byte[] {0, 0, 8, 1, 0, 0});

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains("ends after 6 bytes, inside the 8-byte header"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] whole = IdxFiles.labels(new byte[] {1, 2, 3});
        byte[] longer = Arrays.copyOf(whole, whole.length + 4);
        Path raw = IdxFiles.write(dir.resolve("labels"), longer);
        Path compressed = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.gzip(longer));

        DataException rawError = assertThrows(DataException.class, () -> IdxReader.readLabels(raw));
        DataException gzipError = assertThrows(DataException.class, () -> IdxReader.readLabels(compressed));

        assertTrue(rawError.getMessage().contains("has 4 bytes after the 3 its header declares"),
                rawError.getMessage());
        assertTrue(gzipError.getMessage().contains("has 4 bytes after the 3"), gzipError.getMessage());
    }

    @Test
    void rejectsAbsurdDeclaredSizesWithoutAllocatingThem() {
        // 2^31-1 images of 65535x65535: petabytes declared by a 16-byte header, raw and compressed
        byte[] header = ByteBuffer.allocate(16).putInt(0x00000803).putInt(Integer.MAX_VALUE).putInt(65535)
                .putInt(65535).array();
        Path raw = IdxFiles.write(dir.resolve("images"), header);
        Path compressed = IdxFiles.write(dir.resolve("images.gz"), IdxFiles.gzip(header));

        DataException rawError = assertThrows(DataException.class, () -> IdxReader.readImages(raw));
        DataException gzipError = assertThrows(DataException.class, () -> IdxReader.readImages(compressed));

        assertTrue(rawError.getMessage().contains("more than a 16-byte file can hold"), rawError.getMessage());
        assertTrue(gzipError.getMessage().contains("more than a"), gzipError.getMessage());
    }

    @Test
    void rejectsSizeAGzipFileCannotHoldBeforeReadingIt() {
        // 1 GB of labels declared by a gzip file of a few dozen bytes: deflate cannot expand that much
        byte[] header = ByteBuffer.allocate(8).putInt(0x00000801).putInt(1 << 30).array();
        Path file = IdxFiles.write(dir.resolve("labels.gz"), IdxFiles.gzip(header));

        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains("1073741824 labels (1073741824 bytes), more than a"), e.getMessage());
    }

    @Test
    void rejectsNegativeAndZeroDimensions() {
        byte[] negative = ByteBuffer.allocate(8).putInt(0x00000801).putInt(-5).array();
        byte[] zeroRows = ByteBuffer.allocate(16).putInt(0x00000803).putInt(1).putInt(0).putInt(3).array();
        Path labels = IdxFiles.write(dir.resolve("labels"), negative);
        Path images = IdxFiles.write(dir.resolve("images"), zeroRows);

        assertTrue(assertThrows(DataException.class, () -> IdxReader.readLabels(labels)).getMessage()
                .contains("impossible size -5 labels"));
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readImages(images)).getMessage()
                .contains("impossible size 1 images of 0"));
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("absent");

        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));

        assertEquals(file + " does not exist.", e.getMessage());
    }

    @Test
    void acceptsEmptyLabelFile() {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(new byte[0]));

        assertEquals(0, IdxReader.readLabels(file).length);
    }
}
