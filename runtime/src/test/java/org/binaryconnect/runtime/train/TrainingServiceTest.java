package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.IdxFiles;
import org.binaryconnect.runtime.data.SyntheticImages;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.run.TrainingOverrides;
import org.binaryconnect.runtime.run.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingServiceTest {

    @TempDir
    Path dir;

    private Path data() {
        return IdxFiles.writeDataset(dir.resolve("data"), SyntheticImages.generate(200, 4, 4, 3, 1),
                SyntheticImages.generate(50, 4, 4, 3, 2), true);
    }

    private static TrainingRequest request(Path data, Path output, TrainingOverrides overrides) {
        return new TrainingRequest(LinearSoftmaxNetwork.class.getName(), data, output, overrides);
    }

    @Test
    void trainsTheNamedNetworkAndReports() throws IOException {
        List<String> console = new ArrayList<>();
        Path output = dir.resolve("out");

        TrainingResult result = new TrainingService(console::add).train(request(data(), output,
                TrainingOverrides.none().withEpochs(2).withValidationSamples(40)));

        assertEquals(2, result.epochs().size());
        assertTrue(result.testAccuracy() > 0.8, "test accuracy " + result.testAccuracy());
        assertEquals(output.resolve("model.bin"), result.modelFile());
        assertTrue(Files.isRegularFile(result.modelFile()));
        assertEquals(3, Files.readAllLines(output.resolve("metrics.csv")).size());
        assertEquals("network LinearSoftmax (org.example.LinearSoftmax): input [4, 4], 3 classes, batch size 10",
                console.get(0));
        assertTrue(console.contains("  linear: dense 16 -> 3, full precision, softmax"), console.toString());
        // the per-layer summary: a float layer, so nothing binarized
        int header = console.indexOf(console.stream().filter(line -> line.startsWith("  layer ")).findFirst()
                .orElseThrow());
        assertTrue(console.get(header + 1).matches("  linear +float dense +3 +0 +51 +.*"), console.get(header + 1));
        assertTrue(console.get(header + 3).startsWith("  binarized: 0.00 % of the parameters, 0.00 % of the"
                + " multiply-accumulates; packed model "), console.get(header + 3));
        assertTrue(console.stream().anyMatch(line -> line.startsWith("training: 2 epochs, learning rate 0.5 -> 0.05,"
                + " 40 validation samples, seed 77")), console.toString());
        assertTrue(console.stream().anyMatch(line -> line.endsWith(": 160 training, 40 validation, 50 test samples"
                + " of 4x4")), console.toString());
        assertTrue(console.get(console.size() - 3).startsWith("epoch 2/2  "));
        assertEquals("report: " + output.resolve("report.html"), console.get(console.size() - 2));
        assertEquals(result.summaryLine(), console.get(console.size() - 1));
    }

    @Test
    void badDataWritesNothing() {
        Path data = data();
        IdxFiles.write(data.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(new byte[49])));
        Path output = dir.resolve("out");

        assertThrows(DataException.class, () -> new TrainingService(line -> { }).train(request(data, output,
                TrainingOverrides.none())));

        assertFalse(Files.exists(output));
    }

    @Test
    void missingDataDirectoryWritesNothing() {
        Path output = dir.resolve("out");

        DataException e = assertThrows(DataException.class, () -> new TrainingService(line -> { })
                .train(request(dir.resolve("absent"), output, TrainingOverrides.none())));

        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertFalse(Files.exists(output));
    }

    @Test
    void tooManyValidationSamplesWritesNothing() {
        Path output = dir.resolve("out");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new TrainingService(line -> { })
                .train(request(data(), output, TrainingOverrides.none().withValidationSamples(200))));

        // the data's directory, not an internal object's toString
        assertTrue(e.getMessage().startsWith("validationSamples is 200, but " + data() + " holds only 200 training"
                + " samples: hold out fewer"), e.getMessage());
        assertFalse(Files.exists(output));
    }

    @Test
    void badOverrideFailsBeforeLoadingData() {
        Path output = dir.resolve("out");

        assertThrows(ConfigurationException.class, () -> new TrainingService(line -> { })
                .train(request(dir.resolve("absent"), output, TrainingOverrides.none().withEpochs(0))));

        assertFalse(Files.exists(output));
    }
}
