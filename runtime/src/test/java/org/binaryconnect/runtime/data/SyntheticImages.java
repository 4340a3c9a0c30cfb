package org.binaryconnect.runtime.data;

import java.util.Random;

/**
 * Small, linearly separable images for tests: class {@code c} is bright in the {@code c}-th horizontal band of the
 * image and dim elsewhere, with noise, so a linear classifier can learn it but the first batches cannot guess it.
 */
public record SyntheticImages(int count, int rows, int columns, byte[] pixels, byte[] labels) {

    public static SyntheticImages generate(int count, int rows, int columns, int classes, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * rows * columns];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(classes);
            labels[i] = (byte) label;
            for (int r = 0; r < rows; r++) {
                boolean bright = r * classes / rows == label;
                for (int c = 0; c < columns; c++) {
                    int value = (bright ? 150 : 60) + (int) (random.nextGaussian() * 50);
                    pixels[(i * rows + r) * columns + c] = (byte) Math.max(0, Math.min(255, value));
                }
            }
        }
        return new SyntheticImages(count, rows, columns, pixels, labels);
    }
}
