package org.binaryconnect.spark;

import java.util.Random;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.Samples;

/** 8x8 images in 4 classes, each class brighter in its own quarter: learnable in a few epochs of a tiny network. */
final class SyntheticSplit {

    private SyntheticSplit() {
    }

    static DatasetSplit of(int training, int validation, int test) {
        Random random = new Random(5);
        return new DatasetSplit(samples(training, random), samples(validation, random), samples(test, random));
    }

    private static Samples samples(int count, Random random) {
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * 64];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(4);
            labels[i] = (byte) label;
            for (int p = 0; p < 64; p++) {
                int quarter = (p / 8 >= 4 ? 2 : 0) + (p % 8 >= 4 ? 1 : 0);
                pixels[i * 64 + p] = (byte) ((quarter == label ? 60 : 0) + random.nextInt(160));
            }
        }
        return Samples.of(pixels, labels, 64);
    }
}
