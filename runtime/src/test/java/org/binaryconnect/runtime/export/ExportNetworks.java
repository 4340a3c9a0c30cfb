package org.binaryconnect.runtime.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small trained networks for the export tests: one with hand-chosen values, one random and deeper. */
public final class ExportNetworks {

    static final int HAND_INPUTS = 70;
    static final double HAND_H = 0.5;
    static final double EPSILON = 1e-4;

    private ExportNetworks() {
    }

    /**
     * {@code Hand}: a binary 70 -> 3 layer with batch norm and relu (70 inputs: two words per unit), then a
     * full-precision 3 -> 2 layer. The binary weights make each unit's words easy to write by hand: unit 0 is
     * positive but at inputs 0 and 64; unit 1 is negative but at input 65, where W is -0.0; unit 2 alternates,
     * positive at even inputs.
     */
    /** {@link #hand()} as a generated class: created by name through the constructor generated classes have. */
    public static final class HandNetwork extends FixedStateNetwork {

        public HandNetwork(DataType dataType, long seed) {
            super(hand().description(), hand().state());
        }

        /** What the processor would write into {@code HandInference} as its {@code FINGERPRINT}. */
        public static String fingerprint() {
            return hand().description().fingerprint();
        }
    }

    static FixedStateNetwork hand() {
        float[][] w1 = new float[HAND_INPUTS][3];
        for (int i = 0; i < HAND_INPUTS; i++) {
            w1[i][0] = i == 0 || i == 64 ? -0.3f : 0.1f;
            w1[i][1] = i == 65 ? -0.0f : -0.2f;
            w1[i][2] = i % 2 == 0 ? 0.25f : -0.25f;
        }
        List<LayerDescription> layers = List.of(
                layer("first", HAND_INPUTS, 3, true, HAND_H, true, Nonlinearity.RELU),
                layer("out", 3, 2, false, 1, false, Nonlinearity.IDENTITY));
        List<NamedArray> state = List.of(
                new NamedArray("first.W", matrix(w1)),
                new NamedArray("first.b", vector(1.5f, 1f, 0f)),
                new NamedArray("first.gamma", vector(2f, 1f, -1f)),
                new NamedArray("first.beta", vector(0.25f, 0f, 1f)),
                new NamedArray("first.runningMean", vector(0.5f, -1f, 2f)),
                // std + epsilon = 1, 2 and 0.5
                new NamedArray("first.runningStd", vector(0.9999f, 1.9999f, 0.4999f)),
                new NamedArray("out.W", matrix(new float[][] {{1, 2}, {3, 4}, {5, 6}})),
                new NamedArray("out.b", vector(0.5f, -0.5f)));
        return new FixedStateNetwork(description("Hand", "org.example.nets.Hand", List.of(HAND_INPUTS), 2, layers),
                state);
    }

    /**
     * {@code Deep}: 100 -> 40 -> 30 -> 20 -> 5; binary with batch norm and relu, binary with batch norm and relu,
     * full precision with batch norm and relu, binary without batch norm. Random values from {@code seed}.
     */
    static FixedStateNetwork deep(long seed) {
        Random random = new Random(seed);
        int[] widths = {100, 40, 30, 20, 5};
        boolean[] binary = {true, true, false, true};
        boolean[] batchNorm = {true, true, true, false};
        List<LayerDescription> layers = new ArrayList<>();
        List<NamedArray> state = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            String name = "layer" + k;
            int inputs = widths[k];
            int units = widths[k + 1];
            double h = binary[k] ? 1.0 / Math.sqrt(inputs) : 1;
            layers.add(layer(name, inputs, units, binary[k], h, batchNorm[k],
                    k < 3 ? Nonlinearity.RELU : Nonlinearity.IDENTITY));
            state.add(new NamedArray(name + ".W", matrix(randoms(random, inputs, units, -0.5, 0.5))));
            state.add(new NamedArray(name + ".b", vector(randoms(random, units, -0.2, 0.2))));
            if (batchNorm[k]) {
                state.add(new NamedArray(name + ".gamma", vector(randoms(random, units, 0.5, 1.5))));
                state.add(new NamedArray(name + ".beta", vector(randoms(random, units, -0.3, 0.3))));
                state.add(new NamedArray(name + ".runningMean", vector(randoms(random, units, -0.5, 0.5))));
                state.add(new NamedArray(name + ".runningStd", vector(randoms(random, units, 0.2, 2))));
            }
        }
        return new FixedStateNetwork(description("Deep", "Deep", List.of(10, 10), 5, layers), state);
    }

    static float[] features(Random random, int size) {
        return randoms(random, size, -1, 1);
    }

    static LayerDescription layer(String name, int inputs, int units, boolean binary, double h, boolean batchNorm,
            Nonlinearity activation) {
        return new LayerDescription(name, inputs, units, binary, h, batchNorm, batchNorm ? EPSILON : Double.NaN,
                activation, 0, name + ": dense " + inputs + " -> " + units + (binary ? ", binary H=" + h : "")
                        + (batchNorm ? ", batch norm" : "") + ", " + activation);
    }

    static NetworkDescription description(String name, String specClass, List<Integer> inputShape, int classes,
            List<LayerDescription> layers) {
        return new NetworkDescription(name, specClass, inputShape, classes, 1, Binarization.DETERMINISTIC,
                Loss.SQUARED_HINGE, EvaluationWeights.BINARY, 1, "adam", new TrainingDefaults(1, 1e-3, 1e-4, 1, 7),
                layers);
    }

    static INDArray vector(float... values) {
        return Nd4j.createFromArray(values.clone());
    }

    static INDArray matrix(float[][] rows) {
        int columns = rows[0].length;
        float[] flat = new float[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * columns, columns);
        }
        // a whole array, not a reshaped view: generated networks hold whole arrays, and Gemm needs them
        return Nd4j.createFromArray(flat).reshape(rows.length, columns).dup('c');
    }

    private static float[] randoms(Random random, int size, double from, double to) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (from + (to - from) * random.nextDouble());
        }
        return values;
    }

    private static float[][] randoms(Random random, int rows, int columns, double from, double to) {
        float[][] values = new float[rows][];
        for (int i = 0; i < rows; i++) {
            values[i] = randoms(random, columns, from, to);
        }
        return values;
    }
}
