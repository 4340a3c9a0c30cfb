package org.binaryconnect.runtime.optim;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.runtime.nn.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Three Adam steps on a stochastically binarized parameter, summed up as one line: whether the Vector API path
 * ran, and a hash of every bit of W, both moments and Wb. {@link VectorizedAdamTest} runs {@link #main} in a JVM
 * without {@code --add-modules jdk.incubator.vector} and compares its line with this JVM's.
 */
public final class UpdateFingerprint {

    private UpdateFingerprint() {
    }

    static String of(AdamOptimizer optimizer) {
        int length = 3 * 8192 + 5;
        SplittableRandom random = new SplittableRandom(3);
        float[] initial = new float[length];
        for (int i = 0; i < length; i++) {
            initial[i] = (float) (random.nextDouble() * 2 - 1);
        }
        Parameter p = Parameter.binary("w", Nd4j.createFromArray(initial), 1, 10, Binarization.STOCHASTIC,
                new Rng(11));
        for (int step = 0; step < 3; step++) {
            float[] gradient = new float[length];
            for (int i = 0; i < length; i++) {
                gradient[i] = (float) random.nextGaussian();
            }
            p.gradient().assign(Nd4j.createFromArray(gradient));
            optimizer.update(List.of(p), 1e-2);
        }
        return "hash " + hash(p.value()) + " " + hash(p.firstMoment()) + " " + hash(p.secondMoment()) + " "
                + hash(p.propagated());
    }

    private static int hash(INDArray array) {
        float[] values = array.toFloatVector();
        int[] bits = new int[values.length];
        Arrays.setAll(bits, i -> Float.floatToIntBits(values[i]));
        return Arrays.hashCode(bits);
    }

    public static void main(String[] args) {
        System.out.println("vector " + VectorApi.available());
        System.out.println(of(new AdamOptimizer(0.9, 0.999, 1e-8)));
    }
}
