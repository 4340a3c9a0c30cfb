package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.binaryconnect.processor.specs.Cifar10CnnNetwork;
import org.binaryconnect.processor.specs.SeedCnnBatch100Network;
import org.binaryconnect.runtime.optim.Parameter;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The seed network at its batch of 100 trains, timed. The authors' CIFAR-10 network, declared with the DSL (specs/Cifar10Cnn.java), compiles and trains: a few steps on
 * random 32x32x3 input at its batch of 50, in single precision, with finite losses and parameters that move. Prints
 * the time per step and the memory it holds.
 */
class CifarCnnTrainingTest {

    @Test
    void cifar10NetworkRunsTrainingStepsOnRandomInput() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        Cifar10CnnNetwork network = new Cifar10CnnNetwork();
        assertEquals(50, network.description().batchSize());
        assertEquals(32 * 32 * 3, network.description().inputSize());
        Batches.fillRandom(network, 10);
        Parameter conv1 = network.parameters().get(0);
        INDArray initial = conv1.value().dup();
        double[] losses = new double[3];
        long start = System.nanoTime();
        for (int step = 0; step < losses.length; step++) {
            losses[step] = network.trainStep(3e-3);
            assertTrue(Double.isFinite(losses[step]), "loss of step " + step + ": " + losses[step]);
        }
        double secondsPerStep = (System.nanoTime() - start) / 1e9 / losses.length;
        network.prepareEvaluation(network.description().evaluation());
        INDArray scores = network.predict();
        assertEquals(50, scores.rows());
        assertEquals(10, scores.columns());
        assertTrue(allFinite(scores), "predictions are finite");
        assertTrue(conv1.value().sub(initial).amaxNumber().doubleValue() > 0, "conv1 weights moved");
        System.gc();
        long heapBytes = runtime.totalMemory() - runtime.freeMemory() - heapBefore;
        System.out.printf("CIFAR-10 network, batch 50: losses %.4f %.4f %.4f, %.2f s per training step; ND4J arrays"
                + " %.1f MB (parameters with gradients and optimizer moments %.1f MB), heap growth %.1f MB (kernel"
                + " scratch and the rest), process resident %.1f MB%n", losses[0], losses[1], losses[2],
                secondsPerStep, arrayBytes(network) / 1e6, parameterBytes(network) / 1e6, heapBytes / 1e6,
                Pointer.physicalBytes() / 1e6);
    }

    @Test
    void seedNetworkTrainsAtBatch100() {
        SeedCnnBatch100Network network = new SeedCnnBatch100Network();
        Batches.fillRandom(network, 11);
        network.trainStep(1e-3);
        int steps = 5;
        long start = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            assertTrue(Double.isFinite(network.trainStep(1e-3)), "loss of step " + step);
        }
        System.out.printf("seed network, batch 100: %.0f ms per training step%n",
                (System.nanoTime() - start) / 1e6 / steps);
    }

    /** Bytes of every ND4J array the network holds: its buffers (read reflectively) and its parameters' arrays. */
    private static long arrayBytes(Cifar10CnnNetwork network) {
        long bytes = parameterBytes(network);
        for (Field field : Cifar10CnnNetwork.class.getDeclaredFields()) {
            if (field.getType() == INDArray.class) {
                try {
                    field.setAccessible(true);
                    INDArray array = (INDArray) field.get(network);
                    bytes += array.length() * array.dataType().width();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return bytes;
    }

    private static long parameterBytes(Cifar10CnnNetwork network) {
        long bytes = 0;
        for (Parameter p : network.parameters()) {
            long arrays = p.isBinary() ? 5 : 4; // value, gradient, two moments, and Wb when binary
            bytes += arrays * p.value().length() * p.value().dataType().width();
        }
        return bytes;
    }

    private static boolean allFinite(INDArray array) {
        for (long i = 0; i < array.length(); i++) {
            if (!Double.isFinite(array.getDouble(i))) {
                return false;
            }
        }
        return true;
    }
}
