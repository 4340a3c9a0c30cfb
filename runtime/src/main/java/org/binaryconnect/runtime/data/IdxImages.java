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

    /**
     * Each image transposed: EMNIST stores an image column by column, so its header's {@code rows x columns} read
     * row-major show the character mirrored and rotated; transposing gives MNIST's orientation.
     */
    IdxImages transposed() {
        byte[] turned = new byte[pixels.length];
        int size = imageSize();
        for (int image = 0; image < count; image++) {
            int base = image * size;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    // stored[r][c] holds the pixel at row c, column r of an image with 'columns' rows
                    turned[base + c * rows + r] = pixels[base + r * columns + c];
                }
            }
        }
        return new IdxImages(file, count, columns, rows, turned);
    }
}
