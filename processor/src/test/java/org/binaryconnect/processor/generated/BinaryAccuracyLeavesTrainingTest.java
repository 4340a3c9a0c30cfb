package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.processor.specs.HingeGradientNetNetwork;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.run.TrainingResult;
import org.binaryconnect.runtime.train.ForwardingNetwork;
import org.binaryconnect.runtime.train.Trainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A stochastic network, evaluated with its real-valued weights or by sampled networks, is measured every epoch with
 * deterministic binary weights too. That measurement must leave the training as it was: the model of a run with it is
 * the model of the same run without it, bit for bit. "Without" is the same network behind a description that declares
 * binary evaluation weights but evaluates with the real ones (the trainer then sees nothing to measure apart); the
 * evaluation weights are not part of the fingerprint or the run key, so both runs write the same model header.
 */
class BinaryAccuracyLeavesTrainingTest {

    private static final int EPOCHS = 4;

    @TempDir
    Path out;

    @ParameterizedTest
    @EnumSource(value = EvaluationWeights.class, names = {"REAL", "SAMPLED_AVERAGE"})
    void theModelOfAStochasticRunIsTheSameWithAndWithoutTheBinaryAccuracy(EvaluationWeights weights)
            throws IOException {
        DatasetSplit data = CheckpointResumeTest.data();
        Path with = out.resolve("with");
        Path without = out.resolve("without");

        TrainingResult measured = new Trainer(new Evaluated(new HingeGradientNetNetwork(DataType.FLOAT, 7), weights,
                weights), config(with), line -> { }).train(data);
        TrainingResult plain = new Trainer(new Evaluated(new HingeGradientNetNetwork(DataType.FLOAT, 7),
                EvaluationWeights.BINARY, weights), config(without), line -> { }).train(data);

        for (int i = 0; i < EPOCHS; i++) {
            EpochResult a = measured.epochs().get(i);
            EpochResult b = plain.epochs().get(i);
            assertTrue(a.binaryApart());
            assertFalse(b.binaryApart());
            assertEquals(b.trainLoss(), a.trainLoss(), 0.0, "epoch " + (i + 1));
            assertEquals(b.validationAccuracy(), a.validationAccuracy(), 0.0, "epoch " + (i + 1));
            assertEquals(b.testAccuracy(), a.testAccuracy(), 0.0, "epoch " + (i + 1));
        }
        assertArrayEquals(Files.readAllBytes(without.resolve("model.bin")), Files.readAllBytes(with.resolve("model.bin")));
        // and it did measure something else: signs lose accuracy somewhere in four epochs of a stochastic network
        List<EpochResult> epochs = measured.epochs();
        assertTrue(epochs.stream().anyMatch(e -> e.testBinaryAccuracy() != e.testAccuracy()
                || e.validationBinaryAccuracy() != e.validationAccuracy()), epochs.toString());
        assertNotEquals(List.of(), Files.readAllLines(with.resolve("metrics.csv")));
    }

    private static TrainingConfig config(Path output) {
        return new TrainingConfig(EPOCHS, 1e-2, 1e-3, 20, 7, output);
    }

    /**
     * The network behind a description that declares {@code declared} evaluation weights, evaluating with
     * {@code used} where it is asked for {@code declared}.
     */
    private static final class Evaluated extends ForwardingNetwork {

        private final NetworkDescription description;
        private final EvaluationWeights declared;
        private final EvaluationWeights used;

        Evaluated(TrainableNetwork delegate, EvaluationWeights declared, EvaluationWeights used) {
            super(delegate);
            NetworkDescription d = delegate.description();
            // one sampled network: a BINARY evaluation is one pass, so the plain run samples as often
            this.description = new NetworkDescription(d.name(), d.specClass(), d.inputShape(), d.classes(),
                    d.batchSize(), d.binarization(), d.loss(), declared, 1, d.optimizer(), d.training(), d.layers());
            this.declared = declared;
            this.used = used;
        }

        @Override
        public NetworkDescription description() {
            return description;
        }

        @Override
        public void prepareEvaluation(EvaluationWeights weights) {
            delegate.prepareEvaluation(weights == declared ? used : weights);
        }
    }
}
