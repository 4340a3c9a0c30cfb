package org.binaryconnect.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a CIFAR-10 binary batch ({@code data_batch_1.bin} .. {@code data_batch_5.bin}, {@code test_batch.bin}):
 * records of one label byte (0..9) and 3072 pixel bytes, nothing else: no header, no checksum.
 *
 * <p>The file length decides the number of records before anything is allocated, so a damaged file gives a
 * {@link DataException}, never an {@code OutOfMemoryError}; a label above 9 means the file is damaged or not a
 * CIFAR-10 batch (CIFAR-100's binary records have two label bytes and would show up that way).
 */
final class CifarTenReader {

    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    static final int CLASSES = 10;

    private CifarTenReader() {
    }

    static CifarTenBatch read(Path file) {
        long length;
        try {
            length = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist.");
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        if (length == 0 || length % RECORD_BYTES != 0) {
            throw new DataException(file + " is not a CIFAR-10 binary batch: its " + length + " bytes are not a "
                    + "whole, non-zero number of " + RECORD_BYTES + "-byte records (1 label byte and " + IMAGE_BYTES
                    + " pixel bytes); it is truncated or damaged: download it again.");
        }
        long records = length / RECORD_BYTES;
        if (records * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new DataException(file + " holds " + records + " records, more than one batch file can: split it "
                    + "into batches of at most 10,000 images as the original files are.");
        }
        int count = (int) records;
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * IMAGE_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int i = 0; i < count; i++) {
                int label = in.read();
                if (label < 0 || in.readNBytes(pixels, i * IMAGE_BYTES, IMAGE_BYTES) != IMAGE_BYTES) {
                    throw new DataException(file + " ended inside record " + i + " while being read: it changed "
                            + "during reading or is damaged; download it again.");
                }
                if (label >= CLASSES) {
                    throw new DataException(file + " has label " + label + " in record " + i + " (byte offset "
                            + (long) i * RECORD_BYTES + "), but CIFAR-10 labels are 0..9: the file is damaged or not "
                            + "a CIFAR-10 binary batch; download it again.");
                }
                labels[i] = (byte) label;
            }
            if (in.read() >= 0) {
                throw new DataException(file + " grew while being read: read it again when it is complete.");
            }
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        return new CifarTenBatch(file, pixels, labels);
    }
}
