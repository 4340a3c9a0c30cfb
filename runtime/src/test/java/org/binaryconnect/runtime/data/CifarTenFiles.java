package org.binaryconnect.runtime.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes CIFAR-10 binary batches for tests. */
public final class CifarTenFiles {

    private CifarTenFiles() {
    }

    /** Records for {@code labels}: image {@code i}'s pixel {@code p} is {@code (seed + 7 * i + p) mod 256}. */
    public static byte[] batch(byte[] labels, int seed) {
        byte[] bytes = new byte[labels.length * CifarTenReader.RECORD_BYTES];
        for (int i = 0; i < labels.length; i++) {
            int base = i * CifarTenReader.RECORD_BYTES;
            bytes[base] = labels[i];
            for (int p = 0; p < CifarTenReader.IMAGE_BYTES; p++) {
                bytes[base + 1 + p] = (byte) (seed + 7 * i + p);
            }
        }
        return bytes;
    }

    /** The six batches in {@code directory}, batch {@code b}'s images seeded with {@code b}, two images each. */
    public static Path writeDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int b = 1; b <= 5; b++) {
            IdxFiles.write(directory.resolve("data_batch_" + b + ".bin"), batch(new byte[] {(byte) b, 9}, b));
        }
        IdxFiles.write(directory.resolve("test_batch.bin"), batch(new byte[] {0, 3}, 0));
        return directory;
    }
}
