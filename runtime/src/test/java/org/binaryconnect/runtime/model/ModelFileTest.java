package org.binaryconnect.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.binaryconnect.runtime.train.LinearSoftmaxNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class ModelFileTest {

    @TempDir
    Path dir;

    private static float[][] snapshot(LinearSoftmaxNetwork network) {
        return network.state().stream().map(named -> named.array().dup().data().asFloat()).toArray(float[][]::new);
    }

    @Test
    void roundTripRestoresEveryArrayAndTheHeader() throws IOException {
        LinearSoftmaxNetwork saved = new LinearSoftmaxNetwork(DataType.FLOAT, 1);
        saved.state().get(1).array().assign(0.25);
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, saved, 7);
        LinearSoftmaxNetwork loaded = new LinearSoftmaxNetwork(DataType.FLOAT, 2);
        assertNotEquals(Arrays.toString(snapshot(saved)[0]), Arrays.toString(snapshot(loaded)[0]));

        ModelHeader header = ModelFile.load(file, loaded);

        assertEquals(7, header.epoch());
        assertEquals("LinearSoftmax", header.networkName());
        assertEquals(LinearSoftmaxNetwork.DESCRIPTION.fingerprint(), header.fingerprint());
        assertEquals(2, header.formatVersion());
        float[][] expected = snapshot(saved);
        float[][] actual = snapshot(loaded);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i]);
        }
        assertEquals(header, ModelFile.readHeader(file));
    }

    @Test
    void theInputPipelineAndClassNamesRoundTrip() throws IOException {
        LinearSoftmaxNetwork network = new LinearSoftmaxNetwork(DataType.FLOAT, 1);
        int features = LinearSoftmaxNetwork.DESCRIPTION.inputSize();
        int classes = LinearSoftmaxNetwork.DESCRIPTION.classes();
        float[] means = new float[features];
        double[] mean = new double[features];
        float[] matrix = new float[features * features];
        for (int i = 0; i < features; i++) {
            means[i] = i / 7f;
            mean[i] = Math.PI * i;
            matrix[i * features + (features - 1 - i)] = 1.5f + i;
        }
        InputPipeline pipeline = InputPipeline.scaling(features, 0f, 1f).withContrastNormalization(55)
                .withCentering(means).withWhitening(mean, matrix);
        List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(k -> "class \u00e9" + k)
                .toList();
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, network, 2, pipeline, names);

        ModelHeader header = ModelFile.load(file, new LinearSoftmaxNetwork(DataType.FLOAT, 2));

        assertEquals(pipeline, header.pipeline());
        assertEquals(names, header.classNames());
        assertEquals(InputPipeline.scaling(features, -1f, 1f), saveAndRead(network));
    }

    private InputPipeline saveAndRead(LinearSoftmaxNetwork network) throws IOException {
        Path file = dir.resolve("default.bin");
        ModelFile.save(file, network, 1);
        ModelHeader header = ModelFile.readHeader(file);
        assertEquals(List.of(), header.classNames());
        return header.pipeline();
    }

    @Test
    void aPipelineOfAnotherSizeIsRefused() throws IOException {
        LinearSoftmaxNetwork network = new LinearSoftmaxNetwork(DataType.FLOAT, 1);
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, network, 2, InputPipeline.scaling(3, -1f, 1f), List.of());

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file, network));

        assertTrue(e.getMessage().contains("records an input pipeline of 3 features"), e.getMessage());
    }

    @Test
    void doublePrecisionStateLoadsIntoFloatNetwork() throws IOException {
        LinearSoftmaxNetwork saved = new LinearSoftmaxNetwork(DataType.DOUBLE, 3);
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, saved, 1);
        LinearSoftmaxNetwork loaded = new LinearSoftmaxNetwork(DataType.FLOAT, 4);

        ModelFile.load(file, loaded);

        assertArrayEquals(saved.state().get(0).array().data().asDouble(),
                loaded.state().get(0).array().castTo(DataType.DOUBLE).data().asDouble(), 1e-7);
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("out").resolve("model.bin");
        ModelFile.save(file, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 1);
        ModelFile.save(file, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 2);

        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals(2, ModelFile.readHeader(file).epoch());
    }

    @Test
    void corruptedByteFailsTheChecksum() throws IOException {
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 3);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 10] ^= 0x10; // inside linear.b's data
        Files.write(file, bytes);
        LinearSoftmaxNetwork target = new LinearSoftmaxNetwork(DataType.FLOAT, 5);
        float[][] before = snapshot(target);

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file, target));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());
        assertArrayEquals(before[0], snapshot(target)[0], "a failed load must not change the network");
    }

    @Test
    void truncatedFileIsDamaged() throws IOException {
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 3);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        ModelFileException e = assertThrows(ModelFileException.class,
                () -> ModelFile.load(file, new LinearSoftmaxNetwork(DataType.FLOAT, 1)));

        assertTrue(e.getMessage().contains("truncated or corrupted"), e.getMessage());
    }

    @Test
    void modelOfAnotherNetworkIsRefused() throws IOException {
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 3);
        NetworkDescription trained = LinearSoftmaxNetwork.DESCRIPTION;
        // the same arrays, names and shapes: only the fingerprint tells the networks apart
        LinearSoftmaxNetwork other = new LinearSoftmaxNetwork(DataType.FLOAT, 1, new NetworkDescription(
                trained.name(), trained.specClass(), trained.inputShape(), trained.classes(), trained.batchSize(),
                Binarization.DETERMINISTIC, trained.loss(), trained.evaluation(), trained.evaluationSamples(),
                trained.optimizer(), trained.training(), trained.layers()));

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file, other));

        assertTrue(e.getMessage().contains("was trained for a different network"), e.getMessage());
        assertTrue(e.getMessage().contains(other.description().fingerprint()), e.getMessage());
    }

    @Test
    void aModelLoadsIntoTheSameNetworkWithItsSummaryReworded() throws IOException {
        Path file = dir.resolve("model.bin");
        LinearSoftmaxNetwork saved = new LinearSoftmaxNetwork(DataType.FLOAT, 1);
        ModelFile.save(file, saved, 3);
        LinearSoftmaxNetwork reworded = new LinearSoftmaxNetwork(DataType.FLOAT, 2, LinearSoftmaxNetwork.description(
                "linear: fully connected, 16 inputs, 3 outputs", LinearSoftmaxNetwork.DESCRIPTION.training()));

        ModelFile.load(file, reworded);

        assertEquals(saved.state().get(0).array(), reworded.state().get(0).array());
    }

    @Test
    void differentArrayNamesAreRefused() throws IOException {
        Path file = dir.resolve("model.bin");
        ModelFile.save(file, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 3);
        LinearSoftmaxNetwork renamed = new LinearSoftmaxNetwork(DataType.FLOAT, 1) {
            @Override
            public List<NamedArray> state() {
                List<NamedArray> state = super.state();
                return List.of(state.get(0), new NamedArray("linear.bias", state.get(1).array()));
            }
        };

        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file, renamed));

        assertTrue(e.getMessage().contains("[linear.W, linear.b], but LinearSoftmax has [linear.W, linear.bias]"),
                e.getMessage());
    }

    @Test
    void otherFilesAndVersionsAreRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a model at all");
        Path future = dir.resolve("future.bin");
        ModelFile.save(future, new LinearSoftmaxNetwork(DataType.FLOAT, 1), 3);
        byte[] bytes = Files.readAllBytes(future);
        ByteBuffer.wrap(bytes).putInt(8, 3);
        Files.write(future, bytes);
        Path old = dir.resolve("old.bin");
        ByteBuffer.wrap(bytes).putInt(8, 1);
        Files.write(old, bytes);
        LinearSoftmaxNetwork network = new LinearSoftmaxNetwork(DataType.FLOAT, 1);

        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(text, network)).getMessage()
                .contains("is not a BinaryConnect model file"));
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(future, network)).getMessage()
                .contains("has format version 3, but this runtime reads version 2"));
        // version 1 recorded no preprocessing: refused, never guessed to be scale-1-1
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(old, network)).getMessage()
                .contains("has format version 1, but this runtime reads version 2: use the BinaryConnect version"
                        + " that wrote it, or train again."));
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(dir.resolve("absent.bin"), network))
                .getMessage().contains("does not exist"));
    }
}
