package org.binaryconnect.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.train.LinearSoftmaxNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 10,000 damaged model files: every one is rejected with {@link ModelFileException} (its checksum covers every
 * byte) and the network it was loaded into is left exactly as it was; never another exception, an
 * OutOfMemoryError or a hang.
 */
class ModelFileFuzzTest {

    private static final int CASES = 10_000;

    @TempDir
    Path directory;

    @Test
    void damagedModelFilesAreRejectedAndChangeNothing() throws Exception {
        Path valid = directory.resolve("model.bin");
        ModelFile.save(valid, new LinearSoftmaxNetwork(DataType.FLOAT, 3), 4);
        byte[] bytes = Files.readAllBytes(valid);
        LinearSoftmaxNetwork target = new LinearSoftmaxNetwork(DataType.FLOAT, 9);
        List<INDArray> before = target.state().stream().map(NamedArray::array).map(INDArray::dup).toList();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Mutations mutations = new Mutations(bytes, 5);
            Path file = directory.resolve("damaged.bin");
            for (int i = 0; i < CASES; i++) {
                Files.write(file, mutations.next());
                assertThrows(ModelFileException.class, () -> ModelFile.load(file, target), "case " + i);
            }
        });
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), target.state().get(i).array(), target.state().get(i).name());
        }
    }
}
