package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.binaryconnect.processor.specs.HingeGradientNetNetwork;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.model.CheckpointFile;
import org.binaryconnect.runtime.optim.Parameter;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.run.TrainingProgress;
import org.binaryconnect.runtime.run.TrainingResult;
import org.binaryconnect.runtime.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A generated network with stochastic binarization, dropout and Adam, stopped in the middle of an epoch, resumes
 * from its checkpoint to exactly the model and figures of the run that was never stopped: the checkpoint carries
 * the optimizer's moments and steps and the network's random state, not only the weights.
 */
class CheckpointResumeTest {

    private static final int EPOCHS = 4;

    @TempDir
    Path out;

    @Test
    void interruptedStochasticRunEndsBitIdenticalToTheUninterruptedOne() throws IOException {
        DatasetSplit data = data();
        Path uninterrupted = out.resolve("uninterrupted");
        Path interrupted = out.resolve("interrupted");
        TrainingResult expected = new Trainer(new HingeGradientNetNetwork(DataType.FLOAT, 7), config(uninterrupted),
                line -> { }).train(data);
        // 24 steps per epoch: stops in epoch 3, after the checkpoint of epoch 2
        assertThrows(IllegalStateException.class, () -> new Trainer(
                new StoppingNetwork(new HingeGradientNetNetwork(DataType.FLOAT, 7), 60),
                config(interrupted), line -> { }).train(data));
        List<String> console = new ArrayList<>();

        TrainingResult resumed = new Trainer(new HingeGradientNetNetwork(DataType.FLOAT, 7), config(interrupted),
                console::add).train(data);

        assertTrue(console.get(0).contains("after epoch 2 of 4"), console.toString());
        for (int i = 0; i < EPOCHS; i++) {
            assertEquals(expected.epochs().get(i).trainLoss(), resumed.epochs().get(i).trainLoss(), 0.0);
            assertEquals(expected.epochs().get(i).testAccuracy(), resumed.epochs().get(i).testAccuracy(), 0.0);
            // a stochastic network: its binary-weight accuracies are measured apart, and resume to the same figures
            assertTrue(resumed.epochs().get(i).binaryApart());
            assertEquals(expected.epochs().get(i).validationBinaryAccuracy(),
                    resumed.epochs().get(i).validationBinaryAccuracy(), 0.0);
            assertEquals(expected.epochs().get(i).testBinaryAccuracy(), resumed.epochs().get(i).testBinaryAccuracy(),
                    0.0);
        }
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("model.bin")),
                Files.readAllBytes(interrupted.resolve("model.bin")));
        // the checkpoints differ only in the measured seconds: compare what they restore
        HingeGradientNetNetwork a = new HingeGradientNetNetwork(DataType.FLOAT, 1);
        HingeGradientNetNetwork b = new HingeGradientNetNetwork(DataType.FLOAT, 2);
        TrainingProgress pa = CheckpointFile.restore(uninterrupted.resolve("checkpoint.bin"), a);
        TrainingProgress pb = CheckpointFile.restore(interrupted.resolve("checkpoint.bin"), b);
        assertEquals(pa.randomState(), pb.randomState());
        assertEquals(pa.steps(), pb.steps());
        assertEquals(a.randomState(), b.randomState());
        for (int i = 0; i < a.parameters().size(); i++) {
            Parameter pA = a.parameters().get(i);
            Parameter pB = b.parameters().get(i);
            assertEquals(pA.value(), pB.value(), pA.name());
            assertEquals(pA.firstMoment(), pB.firstMoment(), pA.name());
            assertEquals(pA.secondMoment(), pB.secondMoment(), pA.name());
        }
    }

    private static TrainingConfig config(Path output) {
        return new TrainingConfig(EPOCHS, 1e-2, 1e-3, 20, 7, output);
    }

    /** 140 samples of 6 features in 3 classes, each class around its own centre. */
    static DatasetSplit data() {
        Random random = new Random(3);
        int count = 160;
        byte[] pixels = new byte[count * 6];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 3);
            for (int f = 0; f < 6; f++) {
                int centre = (f % 3 == labels[i]) ? 200 : 60;
                pixels[i * 6 + f] = (byte) Math.max(0, Math.min(255, centre + random.nextInt(81) - 40));
            }
        }
        Samples all = Samples.of(pixels, labels, 6);
        return new DatasetSplit(all.range(0, 120), all.range(120, 140), all.range(140, 160));
    }
}
