package org.binaryconnect.runtime.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.run.EpochResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

class TrainingReportTest {

    private static final List<String> FILES = List.of("metrics.json", "learning-curves.png", "confusion-matrix.png",
            "report.html");

    @TempDir
    Path dir;

    @Test
    void writesTheFourFilesAndNothingElse() throws IOException {
        Path out = dir.resolve("Mlp");

        List<Path> written = TrainingReport.write(out, ReportFixtures.inputs(out));

        assertEquals(FILES.stream().map(out::resolve).toList(), written);
        assertEquals(Set.copyOf(FILES), listing(out));
    }

    @Test
    void metricsJsonHoldsEveryEpochTheConfigurationTheNetworkAndTheBestEpoch() throws IOException {
        ReportInputs inputs = ReportFixtures.inputs(dir);
        TrainingReport.write(dir, inputs);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());

        JsonNode epochs = json.get("epochs");
        assertEquals(ReportFixtures.EPOCHS, epochs.size());
        for (int i = 0; i < epochs.size(); i++) {
            EpochResult expected = inputs.epochs().get(i);
            JsonNode epoch = epochs.get(i);
            assertEquals(expected.epoch(), epoch.get("epoch").asInt());
            assertEquals(expected.learningRate(), epoch.get("learningRate").asDouble());
            assertEquals(expected.trainLoss(), epoch.get("trainLoss").asDouble());
            assertEquals(expected.validationAccuracy(), epoch.get("validationAccuracy").asDouble());
            assertEquals(expected.testAccuracy(), epoch.get("testAccuracy").asDouble());
            assertEquals(expected.seconds(), epoch.get("seconds").asDouble());
            assertEquals(expected.samplesPerSecond(), epoch.get("samplesPerSecond").asDouble());
        }
        assertEquals(ReportFixtures.BEST_EPOCH, json.at("/best/epoch").asInt());
        assertEquals(ReportFixtures.BEST_TEST_ACCURACY, json.at("/best/testAccuracy").asDouble());
        assertEquals(0.885, json.at("/best/validationAccuracy").asDouble());
        assertEquals(inputs.totalSeconds(), json.get("totalSeconds").asDouble());

        assertEquals(12, json.at("/configuration/epochs").asInt());
        assertEquals(3e-3, json.at("/configuration/learningRateStart").asDouble());
        assertEquals(2e-6, json.at("/configuration/learningRateEnd").asDouble());
        assertEquals(5000, json.at("/configuration/validationSamples").asInt());
        assertEquals(1234, json.at("/configuration/seed").asLong());
        assertEquals(dir.toString(), json.at("/configuration/outputDirectory").asText());

        assertEquals(ReportFixtures.NAME, json.at("/network/name").asText());
        assertEquals(inputs.network().fingerprint(), json.at("/network/fingerprint").asText());
        assertEquals("[28,28]", json.at("/network/inputShape").toString());
        assertEquals("DETERMINISTIC", json.at("/network/binarization").asText());
        assertEquals(2, json.at("/network/layers").size());
        assertEquals("hidden1", json.at("/network/layers/0/name").asText());
        assertEquals(0.2, json.at("/network/layers/0/dropout").asDouble());
        assertTrue(json.at("/network/layers/1/binary").asBoolean());

        ConfusionMatrix matrix = inputs.test();
        assertEquals(matrix.total(), json.at("/test/samples").asLong());
        assertEquals(matrix.correct(), json.at("/test/correct").asLong());
        assertEquals(matrix.count(3, 7), json.at("/test/confusionMatrix/3/7").asLong());
        assertEquals(matrix.classAccuracy(9), json.at("/test/classes/9/accuracy").asDouble());
    }

    @Test
    void aStochasticRunsMetricsJsonCarriesBothAccuraciesOfEveryEpoch() throws IOException {
        ReportInputs inputs = ReportFixtures.stochasticInputs(dir);
        TrainingReport.write(dir, inputs);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());

        assertTrue(json.get("binaryAccuracyApart").asBoolean());
        JsonNode epochs = json.get("epochs");
        for (int i = 0; i < epochs.size(); i++) {
            EpochResult expected = inputs.epochs().get(i);
            assertEquals(expected.validationAccuracy(), epochs.get(i).get("validationAccuracy").asDouble());
            assertEquals(expected.testAccuracy(), epochs.get(i).get("testAccuracy").asDouble());
            assertEquals(expected.validationBinaryAccuracy(),
                    epochs.get(i).get("validationBinaryAccuracy").asDouble());
            assertEquals(expected.testBinaryAccuracy(), epochs.get(i).get("testBinaryAccuracy").asDouble());
        }
        assertEquals(ReportFixtures.BEST_TEST_ACCURACY, json.at("/best/testAccuracy").asDouble());
        assertEquals(ReportFixtures.BEST_TEST_ACCURACY - 0.04, json.at("/best/testBinaryAccuracy").asDouble());
        assertEquals(0.885 - 0.03, json.at("/best/validationBinaryAccuracy").asDouble());
    }

    @Test
    void aStochasticRunsPageShowsTheBinaryAccuracyNextToTheEvaluationAccuracy() throws IOException {
        TrainingReport.write(dir, ReportFixtures.stochasticInputs(dir));

        String html = Files.readString(dir.resolve("report.html"));

        assertTrue(html.contains("<dd id=\"test-accuracy\">0.8713</dd>\n<dt>Test accuracy with binary weights "
                + "(exported)</dt><dd id=\"test-binary-accuracy\">0.8312</dd>"), html);
        assertTrue(html.contains("<th>validation accuracy</th><th>validation accuracy, binary weights</th>"
                + "<th>test accuracy</th><th>test accuracy, binary weights</th>"), html);
        assertTrue(html.contains("<td>10 (best)</td><td class=\"n\">5.86e-06</td><td class=\"n\">0.1700</td>"
                + "<td class=\"n\">0.8850</td><td class=\"n\">0.8550</td><td class=\"n\">0.8713</td>"
                + "<td class=\"n\">0.8312</td>"), html);
        assertNotBlank(image("learning-curves.png"), LearningCurvesChart.WIDTH, LearningCurvesChart.HEIGHT);
    }

    @Test
    void aDeterministicRunsFilesHoldOneMeasurementUnderBothNames() throws IOException {
        ReportInputs inputs = ReportFixtures.inputs(dir);
        TrainingReport.write(dir, inputs);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        String html = Files.readString(dir.resolve("report.html"));

        assertFalse(json.get("binaryAccuracyApart").asBoolean());
        for (JsonNode epoch : json.get("epochs")) {
            assertEquals(epoch.get("testAccuracy").asDouble(), epoch.get("testBinaryAccuracy").asDouble());
            assertEquals(epoch.get("validationAccuracy").asDouble(),
                    epoch.get("validationBinaryAccuracy").asDouble());
        }
        assertEquals(json.at("/best/testAccuracy").asDouble(), json.at("/best/testBinaryAccuracy").asDouble());
        assertFalse(html.contains("binary weights"), "the page repeats the one measurement as a second one");
    }

    @Test
    void metricsJsonHoldsThePerLayerSummaryWithItsTotals() throws IOException {
        TrainingReport.write(dir, ReportFixtures.inputs(dir));

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).get("summary");

        // hidden1: 784 -> 256 binary with batch norm; output: 256 -> 10 binary with batch norm (worked out by hand)
        assertEquals(2, summary.get("layers").size());
        JsonNode hidden1 = summary.at("/layers/0");
        assertEquals("hidden1", hidden1.get("name").asText());
        assertEquals("binary dense", hidden1.get("kind").asText());
        assertEquals("256", hidden1.get("outputShape").asText());
        assertEquals(784 * 256, hidden1.get("binaryParameters").asLong());
        assertEquals(256 * 5, hidden1.get("floatParameters").asLong());
        assertEquals(14 + 256 * 98 + 256 * 6, hidden1.get("packedBytes").asLong());
        assertEquals(784 * 256 * 4, hidden1.get("float32Bytes").asLong());
        assertEquals(784 * 256, hidden1.get("binaryMacs").asLong());
        assertEquals(0, hidden1.get("floatMacs").asLong());
        JsonNode total = summary.get("total");
        assertEquals(784 * 256 + 256 * 10, total.get("binaryParameters").asLong());
        assertEquals(256 * 5 + 10 * 5, total.get("floatParameters").asLong());
        assertEquals(14 + 256 * 98 + 256 * 6 + 14 + 10 * 32 + 10 * 6, total.get("packedBytes").asLong());
        assertEquals((784 * 256 + 256 * 10) * 4, total.get("float32Bytes").asLong());
        assertEquals(784 * 256 + 256 * 10, total.get("binaryMacs").asLong());
        assertEquals(0, total.get("floatMacs").asLong());
        for (String figure : List.of("binaryParameters", "floatParameters", "packedBytes", "float32Bytes",
                "binaryMacs", "floatMacs")) {
            long sum = 0;
            for (JsonNode layer : summary.get("layers")) {
                sum += layer.get(figure).asLong();
            }
            assertEquals(sum, total.get(figure).asLong(), figure + " summed over the layers");
        }
        assertEquals(203264.0 / (203264 + 1330), summary.get("binaryParameterShare").asDouble(), 1e-12);
        assertEquals(1.0, summary.get("binaryMacShare").asDouble());
        NetworkSummary expected = NetworkSummary.of(ReportFixtures.network());
        assertEquals(expected.packedFileBytes(), summary.get("packedFileBytes").asLong());
    }

    @Test
    void thePageShowsThePerLayerSummaryWithItsTotals() throws IOException {
        TrainingReport.write(dir, ReportFixtures.inputs(dir));

        String html = Files.readString(dir.resolve("report.html"));

        assertTrue(html.contains("<table id=\"summary\">\n<tr><th>layer</th><th>kind</th><th>output</th>"
                + "<th>binary params</th><th>float params</th><th>packed bytes</th><th>float32 bytes</th>"
                + "<th>binary MACs</th><th>float MACs</th></tr>\n"), html);
        assertTrue(html.contains("<tr><td>hidden1</td><td>binary dense</td><td class=\"n\">256</td>"
                + "<td class=\"n\">200,704</td><td class=\"n\">1,280</td><td class=\"n\">26,638</td>"
                + "<td class=\"n\">802,816</td><td class=\"n\">200,704</td><td class=\"n\">0</td></tr>"), html);
        assertTrue(html.contains("<tr><th>total</th><th></th><th></th><th>203,264</th><th>1,330</th><th>27,032</th>"
                + "<th>813,056</th><th>203,264</th><th>0</th></tr>\n</table>"), html);
        assertTrue(html.contains("<p id=\"summary-shares\">binarized: 99.35 % of the parameters, 100.00 % of the"
                + " multiply-accumulates; packed model "), html);
    }

    @Test
    void thePageNamesTheClassesOfDataWithNamesEscaped() throws IOException {
        List<String> names = new ArrayList<>(ReportFixtures.FASHION_MNIST);
        names.set(8, "Bag <b>&\"'");
        ReportInputs inputs = ReportFixtures.namedInputs(dir, names);
        TrainingReport.write(dir, inputs);

        String html = Files.readString(dir.resolve("report.html"));

        ConfusionMatrix matrix = inputs.test();
        assertTrue(html.contains("<table id=\"per-class\">\n<tr><th>class</th><th>name</th><th>samples</th>"), html);
        assertTrue(html.contains("<tr><td>0</td><td>T-shirt/top</td><td class=\"n\">" + matrix.samples(0) + "</td>"),
                html);
        assertTrue(html.contains("<tr><td>8</td><td>Bag &lt;b&gt;&amp;&quot;&#39;</td><td class=\"n\">"), html);
        assertTrue(html.contains("<tr><td>9</td><td>Ankle boot</td>"), html);
        assertTrue(html.contains("<tr><th>all</th><th></th><th>" + matrix.total() + "</th>"), html);
        assertFalse(html.contains("Bag <b>"), "a raw name is on the page");
        assertNotBlank(image("confusion-matrix.png"), ConfusionMatrixChart.WIDTH, ConfusionMatrixChart.HEIGHT);
    }

    @Test
    void metricsJsonNamesTheClassesOfDataWithNames() throws IOException {
        List<String> names = new ArrayList<>(ReportFixtures.FASHION_MNIST);
        names.set(8, "Bag \"big\", \\ / \u0001");
        TrainingReport.write(dir, ReportFixtures.namedInputs(dir, names));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());

        List<String> read = new ArrayList<>();
        json.get("classNames").forEach(name -> read.add(name.asText()));
        assertEquals(names, read);
        assertEquals("T-shirt/top", json.at("/test/classes/0/name").asText());
        assertEquals(names.get(8), json.at("/test/classes/8/name").asText());
        assertEquals(8, json.at("/test/classes/8/class").asInt());
    }

    @Test
    void withoutClassNamesMetricsJsonHasNoNames() throws IOException {
        TrainingReport.write(dir, ReportFixtures.inputs(dir));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());

        assertFalse(json.has("classNames"));
        assertFalse(json.at("/test/classes/0").has("name"));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<tr><th>class</th><th>samples</th>"));
    }

    @Test
    void namesThatAreNotOneAClassAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ReportFixtures.namedInputs(dir, ReportFixtures.FASHION_MNIST.subList(0, 9)));
    }

    @Test
    void withoutValidationSamplesTheValidationAccuracyIsNullAndADash() throws IOException {
        List<EpochResult> epochs = List.of(new EpochResult(1, 1e-3, 0.9, Double.NaN, 0.5, 2, 1000),
                new EpochResult(2, 5e-4, 0.7, Double.NaN, 0.6, 2, 1000));
        ReportInputs inputs = new ReportInputs(ReportFixtures.network(), ReportFixtures.config(dir), epochs,
                epochs.get(1), ReportFixtures.matrix());

        TrainingReport.write(dir, inputs);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertTrue(json.at("/epochs/0/validationAccuracy").isNull());
        assertTrue(json.at("/best/validationAccuracy").isNull());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<dd id=\"validation-accuracy\">-</dd>"), html);
        assertTrue(html.contains("<dd id=\"test-accuracy\">0.6000</dd>"), html);
        assertNotBlank(image("learning-curves.png"), LearningCurvesChart.WIDTH, LearningCurvesChart.HEIGHT);
    }

    @Test
    void chartsArePngsOfTheirSizeWithSomethingDrawn() throws IOException {
        TrainingReport.write(dir, ReportFixtures.inputs(dir));

        assertNotBlank(image("learning-curves.png"), LearningCurvesChart.WIDTH, LearningCurvesChart.HEIGHT);
        BufferedImage matrix = image("confusion-matrix.png");
        assertNotBlank(matrix, ConfusionMatrixChart.WIDTH, ConfusionMatrixChart.HEIGHT);
        // The diagonal's cells (60 % to 95 % of their class) are a dark blue: many pixels far bluer than red.
        assertTrue(count(matrix, rgb -> (rgb & 0xFF) - (rgb >> 16 & 0xFF) > 40) > 10 * 30 * 30, "no dark cells");
    }

    @Test
    void theSingleEpochOfAOneEpochRunIsDrawn() throws IOException {
        List<EpochResult> epochs = List.of(new EpochResult(1, 1e-3, 0.9, 0.5, 0.5, 2, 1000));
        ReportInputs inputs = new ReportInputs(ReportFixtures.network(), ReportFixtures.config(dir), epochs,
                epochs.get(0), ReportFixtures.matrix());

        TrainingReport.write(dir, inputs);

        assertNotBlank(image("learning-curves.png"), LearningCurvesChart.WIDTH, LearningCurvesChart.HEIGHT);
    }

    @Test
    void thePageShowsTheFiguresTheChartsAndTheTablesWithTheNameEscaped() throws IOException {
        ReportInputs inputs = ReportFixtures.inputs(dir);
        TrainingReport.write(dir, inputs);

        String html = Files.readString(dir.resolve("report.html"));

        assertTrue(html.contains("<h1>Training report: Mlp&lt;b&gt;&amp;&quot;Q&quot;</h1>"), html);
        assertFalse(html.contains(ReportFixtures.NAME), "the raw name is on the page");
        assertTrue(html.contains("<dd id=\"best-epoch\">10 of 12</dd>"), html);
        assertTrue(html.contains("<dd id=\"validation-accuracy\">0.8850</dd>"), html);
        assertTrue(html.contains("<dd id=\"test-accuracy\">0.8713</dd>"), html);
        assertTrue(html.contains("<dd id=\"total-time\">" + ReportHtml.duration(inputs.totalSeconds()) + "</dd>"),
                html);
        assertTrue(html.contains("<dd id=\"samples-per-second\">"
                + String.format(Locale.ROOT, "%.0f", inputs.samplesPerSecond()) + "</dd>"), html);
        assertTrue(html.contains("<img src=\"learning-curves.png\""), html);
        assertTrue(html.contains("<img src=\"confusion-matrix.png\""), html);
        assertTrue(html.contains("<td>learning rate</td><td class=\"n\">0.003 -&gt; 2.0E-6</td>"), html);
        assertTrue(html.contains("<td>hidden1</td><td class=\"n\">784</td><td class=\"n\">256</td>"), html);
        ConfusionMatrix matrix = inputs.test();
        assertTrue(html.contains("<tr><td>9</td><td class=\"n\">" + matrix.samples(9) + "</td><td class=\"n\">"
                + matrix.count(9, 9) + "</td><td class=\"n\">" + ReportHtml.fraction(matrix.classAccuracy(9))
                + "</td></tr>"), html);
        assertTrue(html.contains("<td>10 (best)</td>"), html);
        assertTrue(html.contains("data-charts-loaded"), html);
    }

    @Test
    void aFailureWhileRenderingLeavesThePreviousReportAsItWas() throws IOException {
        TrainingReport.write(dir, ReportFixtures.inputs(dir));
        Map<String, byte[]> before = contents();
        List<EpochResult> shorter = ReportFixtures.epochs().subList(0, 3);
        ReportInputs next = new ReportInputs(ReportFixtures.network(), ReportFixtures.config(dir), shorter,
                shorter.get(2), ReportFixtures.matrix());
        List<TrainingReport.Document> failing = new ArrayList<>(TrainingReport.documents(next));
        failing.add(new TrainingReport.Document("extra.txt", () -> {
            throw new IOException("injected: the last document fails to render");
        }));

        IOException thrown = assertThrows(IOException.class, () -> TrainingReport.write(dir, failing));

        assertEquals("injected: the last document fails to render", thrown.getMessage());
        Map<String, byte[]> after = contents();
        assertEquals(before.keySet(), after.keySet());
        for (String file : FILES) {
            assertArrayEquals(before.get(file), after.get(file), file + " changed");
        }
    }

    @Test
    void aFailureWhileReplacingAFileLeavesNoTemporaryFileAndEveryFileWhole() throws IOException {
        TrainingReport.write(dir, ReportFixtures.inputs(dir));
        // A directory where the page goes: the move onto it fails, after the other three were replaced.
        Files.delete(dir.resolve("report.html"));
        Files.createDirectories(dir.resolve("report.html").resolve("in-the-way"));
        List<EpochResult> shorter = ReportFixtures.epochs().subList(0, 3);
        ReportInputs next = new ReportInputs(ReportFixtures.network(), ReportFixtures.config(dir), shorter,
                shorter.get(2), ReportFixtures.matrix());

        assertThrows(IOException.class, () -> TrainingReport.write(dir, next));

        assertEquals(Set.copyOf(FILES), listing(dir));
        assertEquals(MetricsJson.render(next), Files.readString(dir.resolve("metrics.json")));
        assertNotBlank(image("learning-curves.png"), LearningCurvesChart.WIDTH, LearningCurvesChart.HEIGHT);
        assertNotBlank(image("confusion-matrix.png"), ConfusionMatrixChart.WIDTH, ConfusionMatrixChart.HEIGHT);
    }

    @Test
    void inputsWhoseBestEpochIsNotAmongTheEpochsAreRefused() {
        List<EpochResult> epochs = ReportFixtures.epochs();
        EpochResult stranger = new EpochResult(99, 1, 1, 1, 1, 1, 1);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new ReportInputs(ReportFixtures.network(), ReportFixtures.config(dir), epochs, stranger,
                        ReportFixtures.matrix()));

        assertEquals("the best epoch 99 is not among the epochs", thrown.getMessage());
    }

    @Test
    void throughputIsTotalSamplesOverTotalTime() {
        List<EpochResult> epochs = List.of(new EpochResult(1, 1, 1, 1, 1, 1, 1000),
                new EpochResult(2, 1, 1, 1, 1, 1, 3000));
        ReportInputs inputs = new ReportInputs(ReportFixtures.network(), ReportFixtures.config(dir), epochs,
                epochs.get(0), ReportFixtures.matrix());

        // 3000 samples an epoch: 3 s then 1 s, 6000 samples in 4 s.
        assertEquals(1500, inputs.samplesPerSecond(), 1e-9);
        assertEquals(2, inputs.totalSeconds());
    }

    private BufferedImage image(String file) throws IOException {
        BufferedImage image = ImageIO.read(dir.resolve(file).toFile());
        assertNotNull(image, file + " is not an image ImageIO reads");
        return image;
    }

    private static void assertNotBlank(BufferedImage image, int width, int height) {
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        // Text, lines and anti-aliasing give dozens of colours; a blank or single-colour image gives one or two.
        assertTrue(colours.size() > 20, "only " + colours.size() + " colours");
        assertTrue(count(image, rgb -> (rgb & 0xFFFFFF) != 0xFFFFFF) > width * height / 100, "nearly all white");
    }

    private static long count(BufferedImage image, IntPredicate pixel) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (pixel.test(image.getRGB(x, y))) {
                    count++;
                }
            }
        }
        return count;
    }

    private Map<String, byte[]> contents() throws IOException {
        Map<String, byte[]> contents = new HashMap<>();
        for (String file : listing(dir)) {
            contents.put(file, Files.readAllBytes(dir.resolve(file)));
        }
        return contents;
    }

    private static Set<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
