package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatasetSplitTest {

    /** Ten one-pixel samples whose pixel is 10 * index and whose label is index % 3. */
    private static Dataset tenSamples() {
        byte[] pixels = new byte[10];
        byte[] labels = new byte[10];
        for (int i = 0; i < 10; i++) {
            pixels[i] = (byte) (10 * i);
            labels[i] = (byte) (i % 3);
        }
        Samples test = new Samples(new byte[] {7}, new byte[] {1}, 1);
        return new Dataset(Path.of("data"), new Samples(pixels, labels, 1), test, 1, 1);
    }

    private static float scaled(int pixel) {
        return 2f * pixel / 255f - 1f;
    }

    @Test
    void validationIsTheLastSamples() {
        Dataset dataset = tenSamples();

        DatasetSplit split = dataset.split(3);

        assertEquals(7, split.training().size());
        assertEquals(3, split.validation().size());
        for (int i = 0; i < 7; i++) {
            assertEquals(scaled(10 * i), split.training().feature(i, 0), 1e-6);
            assertEquals(i % 3, split.training().label(i));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(scaled(10 * (7 + i)), split.validation().feature(i, 0), 1e-6);
            assertEquals((7 + i) % 3, split.validation().label(i));
        }
        assertSame(dataset.test(), split.test());
    }

    @Test
    void noValidationKeepsEverySampleForTraining() {
        DatasetSplit split = tenSamples().split(0);

        assertEquals(10, split.training().size());
        assertEquals(0, split.validation().size());
    }

    @Test
    void rejectsImpossibleValidationSizes() {
        Dataset dataset = tenSamples();

        assertThrows(IllegalArgumentException.class, () -> dataset.split(10));
        assertThrows(IllegalArgumentException.class, () -> dataset.split(-1));
    }

    @Test
    void rangesStayInsideTheirSamples() {
        Samples validation = tenSamples().split(3).validation();

        assertThrows(IndexOutOfBoundsException.class, () -> validation.label(3));
        assertThrows(IndexOutOfBoundsException.class, () -> validation.feature(0, 1));
        assertEquals(scaled(90), validation.range(1, 3).feature(1, 0), 1e-6);
    }
}
