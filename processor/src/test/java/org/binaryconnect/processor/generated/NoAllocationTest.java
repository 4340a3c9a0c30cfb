package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.processor.specs.ConvGradientNetNetwork;
import org.binaryconnect.processor.specs.HingeGradientNetNetwork;
import org.binaryconnect.processor.specs.SeedCnnNetwork;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The steady-state training step allocates no ND4J arrays. Every new ND4J array holds native handles that JavaCPP
 * counts in {@link Pointer#totalBytes()} (measured: at least 16 bytes for each array), so a step that created
 * one would raise it; the control shows that this measurement sees one small array per step.
 */
class NoAllocationTest {

    @Test
    void trainingStepAllocatesNoNativeMemory() {
        TrainableNetwork network = new HingeGradientNetNetwork();
        Batches.fillRandom(network, 5);
        runSteps(network, 20, null);
        long before = settledNativeBytes();
        runSteps(network, 200, null);
        assertEquals(before, Pointer.totalBytes(), "native bytes allocated by 200 training steps");
    }

    @Test
    void convolutionalTrainingStepAllocatesNoNativeMemory() {
        TrainableNetwork network = new ConvGradientNetNetwork();
        Batches.fillRandom(network, 6);
        runSteps(network, 20, null);
        long before = settledNativeBytes();
        runSteps(network, 200, null);
        assertEquals(before, Pointer.totalBytes(), "native bytes allocated by 200 conv training steps");
    }

    /** The seed CNN's conv2 (fan-in 800) runs in blocks of samples (Conv2dKernels.samplesPerBlock); conv1 does not. */
    @Test
    void blockedConvolutionTrainingStepAllocatesNoNativeMemory() {
        TrainableNetwork network = new SeedCnnNetwork();
        Batches.fillRandom(network, 7);
        runSteps(network, 20, null);
        long before = settledNativeBytes();
        runSteps(network, 200, null);
        assertEquals(before, Pointer.totalBytes(), "native bytes allocated by 200 blocked conv training steps");
    }

    @Test
    void controlOneSmallArrayPerStepIsSeen() {
        TrainableNetwork network = new HingeGradientNetNetwork();
        Batches.fillRandom(network, 5);
        runSteps(network, 20, null);
        List<INDArray> kept = new ArrayList<>();
        long before = settledNativeBytes();
        runSteps(network, 200, kept);
        assertTrue(Pointer.totalBytes() - before >= 200 * 16,
                "200 new arrays should show, grew by " + (Pointer.totalBytes() - before));
    }

    /** Native bytes in use once garbage from earlier work has been collected and its memory released. */
    private static long settledNativeBytes() {
        long previous = -1;
        long current = Pointer.totalBytes();
        for (int i = 0; i < 50 && current != previous; i++) {
            System.gc();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            previous = current;
            current = Pointer.totalBytes();
        }
        return current;
    }

    private static void runSteps(TrainableNetwork network, int steps, List<INDArray> allocateInto) {
        for (int i = 0; i < steps; i++) {
            network.trainStep(1e-3);
            network.prepareEvaluation(network.description().evaluation());
            network.predict();
            if (allocateInto != null) {
                allocateInto.add(Nd4j.zeros(DataType.FLOAT, 8));
            }
        }
    }
}
