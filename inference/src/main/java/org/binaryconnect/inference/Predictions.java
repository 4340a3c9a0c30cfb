package org.binaryconnect.inference;

import java.util.function.Function;
import java.util.stream.IntStream;

/** What a generated inference class does around its layers: check inputs, pick classes. */
public final class Predictions {

    private Predictions() {
    }

    /**
     * Checks that an input has the network's size.
     *
     * @param what the input's name in the message: "features", "pixels"
     * @throws IllegalArgumentException "expected 784 features, got 783"
     */
    public static void checkLength(int length, int expected, String what) {
        if (length != expected) {
            throw new IllegalArgumentException("expected " + expected + " " + what + ", got " + length);
        }
    }

    /** The predicted class: the index of the largest score, the first one on ties. */
    public static int argmax(float[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The predicted class of every row of {@code scores}. */
    public static int[] argmax(float[][] scores) {
        int[] classes = new int[scores.length];
        for (int s = 0; s < scores.length; s++) {
            classes[s] = argmax(scores[s]);
        }
        return classes;
    }

    /**
     * The scores of every sample of {@code batch}, each computed by {@code scores} on the threads of the common
     * fork-join pool and the calling thread. Every length is checked before anything is computed.
     */
    public static float[][] oneAtATime(float[][] batch, int inputSize, Function<float[], float[]> scores) {
        for (float[] features : batch) {
            checkLength(features.length, inputSize, "features");
        }
        float[][] rows = new float[batch.length][];
        IntStream.range(0, batch.length).parallel().forEach(s -> rows[s] = scores.apply(batch[s]));
        return rows;
    }
}
