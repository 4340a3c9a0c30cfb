package org.binaryconnect.runtime.data;

import java.nio.file.Path;

/**
 * The content of an IDX image file: {@code count} images of {@code rows x columns} unsigned bytes, row-major,
 * one image after the other.
 */
public record IdxImages(Path file, int count, int rows, int columns, byte[] pixels) {

    /** Values per image. */
    public int imageSize() {
        return rows * columns;
    }
}
