package org.binaryconnect.processor.generated;

import java.util.Random;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Fills a network's input and labels with seeded random data. */
final class Batches {

    private Batches() {
    }

    static void fillRandom(TrainableNetwork network, long seed) {
        Random random = new Random(seed);
        INDArray input = network.input();
        for (long i = 0; i < input.length(); i++) {
            input.putScalar(i, random.nextGaussian());
        }
        int[] labels = network.labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(network.description().classes());
        }
    }
}
