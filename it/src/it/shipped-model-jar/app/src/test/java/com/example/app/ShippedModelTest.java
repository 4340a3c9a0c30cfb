package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.tiny.TinyMlpInference;
import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ShippedModelTest {

    @Test
    void predictsWithOnlyTheModelJar() throws IOException {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.nd4j.linalg.factory.Nd4j"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.binaryconnect.runtime.network.TrainableNetwork"));
        System.out.println("app classpath: " + System.getProperty("java.class.path"));

        TinyMlpInference model = TinyMlpInference.load();
        byte[][] images = images("../data/t10k-images-idx3-ubyte.gz");
        byte[] labels = labels("../data/t10k-labels-idx1-ubyte.gz");
        int correct = 0;
        for (int i = 0; i < images.length; i++) {
            int predicted = model.predictPixels(images[i]);
            assertTrue(predicted >= 0 && predicted < TinyMlpInference.CLASSES);
            correct += predicted == labels[i] ? 1 : 0;
        }
        System.out.println("shipped model: " + correct + " of " + images.length + " test images right");
        assertEquals(labels.length, images.length);
        assertTrue(correct > images.length / 2, correct + " of " + images.length);
    }

    private static byte[][] images(String file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new FileInputStream(file)))) {
            in.readInt();
            int count = in.readInt();
            int size = in.readInt() * in.readInt();
            byte[][] images = new byte[count][size];
            for (byte[] image : images) {
                in.readFully(image);
            }
            return images;
        }
    }

    private static byte[] labels(String file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new FileInputStream(file)))) {
            in.readInt();
            byte[] labels = new byte[in.readInt()];
            in.readFully(labels);
            return labels;
        }
    }
}
