package org.binaryconnect.bench;

import java.nio.file.Path;
import java.util.Random;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.nn.Buf;

/**
 * Training batches for the benchmark: Fashion-MNIST's training set when it is installed (real activations and
 * the real copy cost), else seeded random images of the same size. Batches follow a shuffled order, as the
 * trainer's do, and are copied straight into the network's input buffer.
 */
final class BatchSource {

    private static final int RANDOM_SAMPLES = 10_000;

    private final Samples samples;
    private final String description;
    private final int[] order;
    private int next;

    private BatchSource(Samples samples, String description, long seed) {
        this.samples = samples;
        this.description = description;
        this.order = permutation(samples.size(), new Random(seed));
    }

    /** Fashion-MNIST from {@link IdxDataset#defaultDirectory()} when it loads, else random data. */
    static BatchSource forInput(int features, int classes, long seed) {
        Path directory = IdxDataset.defaultDirectory();
        try {
            Dataset dataset = IdxDataset.load(directory, features, classes);
            return new BatchSource(dataset.training(), dataset.training().size() + " Fashion-MNIST training images from "
                    + directory, seed);
        } catch (DataException e) {
            return random(features, classes, seed, "no dataset (" + e.getMessage() + ")");
        }
    }

    private static BatchSource random(int features, int classes, long seed, String why) {
        Random random = new Random(seed);
        byte[] pixels = new byte[RANDOM_SAMPLES * features];
        random.nextBytes(pixels);
        byte[] labels = new byte[RANDOM_SAMPLES];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) random.nextInt(classes);
        }
        return new BatchSource(Samples.of(pixels, labels, features), RANDOM_SAMPLES + " random images: " + why,
                seed);
    }

    String description() {
        return description;
    }

    /** Copies the next {@code batchSize} samples into a network's input and labels, wrapping around the order. */
    void fill(Buf input, int[] labels, int batchSize) {
        int features = samples.features();
        for (int row = 0; row < batchSize; row++) {
            int sample = order[next];
            next = (next + 1) % order.length;
            samples.copyFeatures(sample, input, row * features);
            labels[row] = samples.label(sample);
        }
    }

    private static int[] permutation(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
