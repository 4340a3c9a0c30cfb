package org.binaryconnect.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.runtime.data.IdxFiles;
import org.binaryconnect.runtime.data.SyntheticImages;
import org.binaryconnect.runtime.train.LinearSoftmaxNetwork;
import org.binaryconnect.runtime.train.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainMainTest {

    private static final String NETWORK = LinearSoftmaxNetwork.class.getName();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrainMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String lastErrorLine() {
        List<String> lines = lines(err);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private Path data() {
        return IdxFiles.writeDataset(dir.resolve("data"), SyntheticImages.generate(120, 4, 4, 3, 1),
                SyntheticImages.generate(30, 4, 4, 3, 2), true);
    }

    @Test
    void trainsAndPrintsDescriptionEpochsAndSummary() {
        Path output = dir.resolve("out");

        int code = run("--network", NETWORK, "--data", data().toString(), "--output=" + output, "--epochs", "2",
                "--learning-rate-start", "0.4", "--learning-rate-end", "0.04", "--seed", "3",
                "--validation-samples", "20");

        assertEquals(TrainMain.OK, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = lines(out);
        assertTrue(lines.get(0).startsWith("network LinearSoftmax "), lines.get(0));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("training: 2 epochs, learning rate 0.4 -> 0.04, 20 "
                + "validation samples, seed 3")), lines.toString());
        assertEquals(2, lines.stream().filter(line -> line.startsWith("epoch ")).count());
        assertTrue(lines.get(lines.size() - 1).matches("best validation accuracy \\d\\.\\d{4} at epoch \\d, test "
                + "accuracy \\d\\.\\d{4}; model: .*model\\.bin"), lines.get(lines.size() - 1));
        assertTrue(Files.isRegularFile(output.resolve("model.bin")));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingNetworkIsBadArguments() {
        int code = run("--output", dir.toString());

        assertEquals(TrainMain.BAD_CONFIGURATION, code);
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: Option --network is required"), lastErrorLine());
    }

    @Test
    void malformedNumbersAndUnknownOptionsAreBadArguments() {
        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--output", "o", "--epochs", "ten"));
        assertEquals("[binaryconnect] ERROR: --epochs expects a whole number, got 'ten'.", lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--output", "o", "--batch", "5"));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: Unknown argument --batch"), lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--output"));
        assertEquals("[binaryconnect] ERROR: Option --output needs a value.", lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--seed", "1", "--seed", "2"));
        assertTrue(lastErrorLine().contains("--seed is given twice"), lastErrorLine());
    }

    @Test
    void impossibleConfigurationAndUnknownClassAreBadConfiguration() {
        Path output = dir.resolve("out");

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", NETWORK, "--data", data().toString(), "--output",
                output.toString(), "--epochs", "0"));
        assertTrue(lastErrorLine().contains("epochs must be at least 1"), lastErrorLine());

        assertEquals(TrainMain.BAD_CONFIGURATION, run("--network", "com.example.Nope", "--output", output.toString()));
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: No class com.example.Nope"), lastErrorLine());
        assertFalse(Files.exists(output));
    }

    @Test
    void badDataIsTheUsersFailureAndWritesNothing() {
        Path output = dir.resolve("out");

        int code = run("--network", NETWORK, "--data", dir.resolve("absent").toString(), "--output", output.toString());

        assertEquals(TrainMain.USER_FAILURE, code);
        assertTrue(lastErrorLine().startsWith("[binaryconnect] ERROR: Data directory "), lastErrorLine());
        assertTrue(lastErrorLine().contains("apt-get install dataset-fashion-mnist"), lastErrorLine());
        assertFalse(Files.exists(output));
    }

    @Test
    void unexpectedFailureExitsWithOneAndEndsWithTheErrorLine() {
        int code = run("--network", TestNetworks.FailingToInitialise.class.getName(), "--output",
                dir.resolve("out").toString(), "--seed", "1");

        assertEquals(TrainMain.INTERNAL, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("at org.binaryconnect"), "stack trace first");
        assertEquals("[binaryconnect] ERROR: Training failed unexpectedly: java.lang.IllegalStateException: buffer "
                + "sizes disagree (the stack trace is above); please report it.", lastErrorLine());
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(TrainMain.OK, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: TrainMain --network"));
    }
}
