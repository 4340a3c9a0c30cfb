package org.binaryconnect.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.junit.jupiter.api.Test;

class ConfusionMatrixChartTest {

    @Test
    void aHundredClassesAreDrawnAsColoursWithoutCounts() throws IOException {
        int classes = 100;
        int[] labels = new int[classes * 5];
        int[] predicted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
            predicted[i] = i < classes * 4 ? labels[i] : (labels[i] + 1) % classes;
        }

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                ConfusionMatrixChart.png("Wide", ConfusionMatrix.of(classes, labels, predicted))));

        assertEquals(ConfusionMatrixChart.WIDTH, image.getWidth());
        assertEquals(ConfusionMatrixChart.HEIGHT, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, colours.size() + " colours");
    }

    @Test
    void aClassWithoutSamplesIsAWhiteRowNotAnError() throws IOException {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, new int[] {0, 0, 1}, new int[] {0, 1, 1});

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ConfusionMatrixChart.png("Gap", matrix)));

        assertEquals(ConfusionMatrixChart.WIDTH, image.getWidth());
    }

    @Test
    void classNamesAreDrawnInsteadOfIndices() throws IOException {
        ConfusionMatrix matrix = ReportFixtures.matrix();

        byte[] indices = ConfusionMatrixChart.png("Named", matrix);
        byte[] names = ConfusionMatrixChart.png("Named", matrix, ReportFixtures.FASHION_MNIST);

        assertFalse(Arrays.equals(indices, names), "the names changed nothing on the chart");
        assertEquals(ConfusionMatrixChart.WIDTH, ImageIO.read(new ByteArrayInputStream(names)).getWidth());
    }
}
