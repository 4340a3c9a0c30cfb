package org.binaryconnect.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files for tests: the bytes of image and label files, raw or gzip-compressed. */
public final class IdxFiles {

    private IdxFiles() {
    }

    public static byte[] images(int count, int rows, int columns, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(0x00000803).putInt(count).putInt(rows).putInt(columns)
                .put(pixels).array();
    }

    public static byte[] labels(byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(0x00000801).putInt(labels.length).put(labels).array();
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the four files of a dataset directory: {@code train} as train-*, {@code test} as t10k-*, gzip-compressed
     * with the {@code .gz} name when {@code compressed}, raw without it otherwise.
     */
    public static Path writeDataset(Path directory, SyntheticImages train, SyntheticImages test, boolean compressed) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writePart(directory, "train", train, compressed);
        writePart(directory, "t10k", test, compressed);
        return directory;
    }

    private static void writePart(Path directory, String prefix, SyntheticImages part, boolean compressed) {
        byte[] images = images(part.count(), part.rows(), part.columns(), part.pixels());
        byte[] labels = labels(part.labels());
        String suffix = compressed ? ".gz" : "";
        write(directory.resolve(prefix + "-images-idx3-ubyte" + suffix), compressed ? gzip(images) : images);
        write(directory.resolve(prefix + "-labels-idx1-ubyte" + suffix), compressed ? gzip(labels) : labels);
    }
}
