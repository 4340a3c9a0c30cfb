package org.binaryconnect.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import org.binaryconnect.runtime.model.CheckpointFile;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingProgress;
import org.binaryconnect.runtime.train.LinearSoftmaxNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 10,000 damaged checkpoints: each is rejected with {@link ModelFileException} and leaves the network as it was.
 * A further 10,000 have their checksum repaired after the damage, so that the structure and progress parsers
 * behind it are reached: each is rejected with {@code ModelFileException} or reads as a complete checkpoint,
 * never another exception, an OutOfMemoryError or a hang.
 */
class CheckpointFileFuzzTest {

    private static final int CASES = 10_000;

    @TempDir
    Path directory;

    private byte[] validCheckpoint() throws Exception {
        Path valid = directory.resolve("checkpoint.bin");
        List<EpochResult> history = List.of(new EpochResult(1, 0.1, 0.5, 0.8, 0.79, 3.5, 1000),
                new EpochResult(2, 0.05, 0.4, Double.NaN, 0.81, 3.4, 1010));
        CheckpointFile.save(valid, new LinearSoftmaxNetwork(DataType.FLOAT, 3),
                new TrainingProgress(2, "0123abcd", -77L, 48, 2.3, history,
                        ConfusionMatrix.of(3, new int[] {0, 1, 2, 2}, new int[] {0, 2, 2, 1})));
        return Files.readAllBytes(valid);
    }

    @Test
    void damagedCheckpointsAreRejectedAndChangeNothing() throws Exception {
        byte[] bytes = validCheckpoint();
        LinearSoftmaxNetwork target = new LinearSoftmaxNetwork(DataType.FLOAT, 9);
        List<INDArray> before = target.state().stream().map(NamedArray::array).map(INDArray::dup).toList();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Mutations mutations = new Mutations(bytes, 11);
            Path file = directory.resolve("damaged.bin");
            for (int i = 0; i < CASES; i++) {
                Files.write(file, mutations.next());
                assertThrows(ModelFileException.class, () -> CheckpointFile.restore(file, target), "case " + i);
            }
        });
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), target.state().get(i).array(), target.state().get(i).name());
        }
    }

    @Test
    void damageBehindARepairedChecksumIsRejectedOrReadsWhole() throws Exception {
        byte[] bytes = validCheckpoint();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Mutations mutations = new Mutations(bytes, 12);
            Path file = directory.resolve("repaired.bin");
            int rejected = 0;
            for (int i = 0; i < CASES; i++) {
                byte[] damaged = mutations.next();
                if (damaged.length >= 4) {
                    CRC32 crc = new CRC32();
                    crc.update(damaged, 0, damaged.length - 4);
                    ByteBuffer.wrap(damaged).putInt(damaged.length - 4, (int) crc.getValue());
                }
                Files.write(file, damaged);
                try {
                    TrainingProgress progress = CheckpointFile.readProgress(file);
                    assertEquals(progress.epoch(), progress.history().size(), "case " + i);
                } catch (ModelFileException expected) {
                    rejected++;
                } catch (RuntimeException | Error e) {
                    fail("case " + i + " ended in " + e, e);
                }
            }
            // most damage lands in the structure or the progress text, which must not read
            if (rejected < CASES / 2) {
                fail("only " + rejected + " of " + CASES + " repaired damaged checkpoints were rejected");
            }
        });
    }
}
