package org.binaryconnect.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.e2e.specs.ParityFashionMlpInference;
import org.binaryconnect.e2e.specs.ParityFashionMlpNetwork;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.IdxDataset;
import org.binaryconnect.runtime.data.IdxImages;
import org.binaryconnect.runtime.data.IdxReader;
import org.binaryconnect.runtime.data.Preprocessing;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.export.CExporter;
import org.binaryconnect.runtime.export.PackedModel;
import org.binaryconnect.runtime.export.PackedModelWriter;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exported model predicts what the trained model predicts, from preprocessed features and from raw pixels: the
 * 784-1024x3-10 BinaryConnect MLP of the README example, trained for one epoch, evaluated with binary weights on
 * every test image, against the generated JDK-only inference class reading the packed file ({@code predict} on the
 * features, {@code predictPixels} on the raw bytes through the recorded input pipeline) and against the exported C
 * compiled with gcc ({@code _predict} and {@code _predict_pixels}). Once on real Fashion-MNIST with the default
 * scale-1-1, once on small IDX files the test writes (the first Fashion-MNIST images) with authors-cifar10 (GCN
 * and ZCA whitening); {@link ConvExportParityTest} does the same for the seed CNN with scale-0-1.
 */
class ExportParityTest {

    @TempDir
    Path directory;

    @Test
    void javaAndCInferenceAgreeWithTheTrainedNetworkOnEveryTestImage() throws Exception {
        Dataset dataset = new DatasetLoader().load(DatasetRequest.of(IdxDataset.DEBIAN_FASHION_MNIST.toString())
                .withOffline(true), 784, 10);
        ParityFashionMlpNetwork network = new ParityFashionMlpNetwork();
        new Trainer(network, new TrainingConfig(1, 1e-3, 1e-4, 10_000, 21, directory.resolve("training")), line -> { })
                .train(dataset.split(10_000));
        Samples test = dataset.test();
        int[] trained = trainedPredictions(network, ParityFashionMlpNetwork.BATCH_SIZE, test);
        PackedModel model = PackedModel.of(network, dataset.pipeline(), dataset.classNames());

        Parity parity = parity(directory, model, dataset, rawTestPixels(IdxDataset.DEBIAN_FASHION_MNIST), trained,
                ExportParityTest::mlp);

        parity.print("export parity (scale-1-1)");
        assertEquals(10_000, parity.samples());
        parity.assertNoMismatch();
        assertEquals("Ankle boot", parity.lastClassName(), "the class names of Fashion-MNIST ship with the model");
        assertTrue(accuracy(trained, test) > 0.8, "the trained network learned: " + accuracy(trained, test));
        // the budget: at most 1/30 of the float32 weights
        assertTrue(parity.packedBytes() * 30L <= model.float32WeightBytes(),
                "packed " + parity.packedBytes() + " bytes against " + model.float32WeightBytes());
    }

    /**
     * authors-cifar10 (scale-1-1, GCN, ZCA fitted on the training part) on small IDX files: the first 3,000
     * training and 1,000 test images of Fashion-MNIST. predictPixels must reproduce GCN and the 784 x 784 whitening
     * bit for bit: the old fixed scaling predicts most images differently.
     */
    @Test
    void theAuthorsCifarTenPipelineShipsWithTheModel() throws Exception {
        Path data = smallIdxCopy(directory.resolve("small-fashion"), 3_000, 1_000);
        Dataset dataset = new DatasetLoader().load(DatasetRequest.of(data.toString()).withOffline(true)
                .withPreprocessing(Preprocessing.authorsCifarTen()), 784, 10);
        ParityFashionMlpNetwork network = new ParityFashionMlpNetwork();
        new Trainer(network, new TrainingConfig(1, 1e-3, 1e-4, 500, 21, directory.resolve("training")), line -> { })
                .train(dataset.split(500));
        int[] trained = trainedPredictions(network, ParityFashionMlpNetwork.BATCH_SIZE, dataset.test());
        PackedModel model = PackedModel.of(network, dataset.pipeline(), dataset.classNames());
        assertTrue(model.pipeline().contrastNormalization() && model.pipeline().whitening(), model.pipeline()
                .toString());

        Parity parity = parity(directory, model, dataset, rawTestPixels(data), trained, ExportParityTest::mlp);

        parity.print("export parity (authors-cifar10, small IDX files)");
        assertEquals(1_000, parity.samples());
        parity.assertNoMismatch();
        assertTrue(parity.oldScalingMismatches() > parity.samples() / 4, "the pipeline matters here: "
                + parity.oldScalingMismatches() + " of " + parity.samples() + " differ with the old 2 * x / 255 - 1");
    }

    /**
     * The generated inference class's entry points, for a test that checks several networks; {@code predict} is
     * null where one sample at a time is what the batch does anyway (conv networks).
     */
    record Shipped(ToIntFunction<float[]> predict, Function<float[][], int[]> predictBatch,
            ToIntFunction<byte[]> predictPixels, IntFunction<String> className) {
    }

    private static Shipped mlp(byte[] packed) throws IOException {
        ParityFashionMlpInference inference = ParityFashionMlpInference.load(new ByteArrayInputStream(packed));
        return new Shipped(inference::predict, inference::predict, inference::predictPixels, inference::className);
    }

    interface Loader {
        Shipped load(byte[] packed) throws IOException;
    }

    /**
     * How many of the shipped model's predictions differ from the trained network's: Java on the features, in one
     * batch, on the raw pixels; C on the features and on the raw pixels; and, for contrast, Java on pixels scaled
     * the old fixed way ({@code 2 * x / 255 - 1}).
     */
    record Parity(int samples, int java, int batch, int javaPixels, int c, int cPixels, int oldScalingMismatches,
            long packedBytes, String lastClassName) {

        void assertNoMismatch() {
            assertEquals(0, java, "Java inference predictions that differ from the trained network's");
            assertEquals(0, batch, "Java batch predictions that differ from the trained network's");
            assertEquals(0, javaPixels, "Java predictPixels predictions that differ from the trained network's");
            assertEquals(0, c, "C inference predictions that differ from the trained network's");
            assertEquals(0, cPixels, "C _predict_pixels predictions that differ from the trained network's");
        }

        void print(String what) {
            System.out.printf("%s: on %d test images, mismatches: Java %d, Java batch %d, Java predictPixels %d, C %d,"
                    + " C predict_pixels %d (old fixed scaling: %d); packed %d bytes%n", what, samples, java, batch,
                    javaPixels, c, cPixels, oldScalingMismatches, packedBytes);
        }
    }

    static Parity parity(Path directory, PackedModel model, Dataset dataset, byte[][] pixels, int[] trained,
            Loader loader) throws IOException, InterruptedException {
        Samples test = dataset.test();
        float[][] features = features(test);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        PackedModelWriter.write(model, packed);
        Shipped shipped = loader.load(packed.toByteArray());
        int[] batched = shipped.predictBatch().apply(features);
        // one image at a time, on every core: the inference class is thread-safe
        int[] javaPixels = IntStream.range(0, pixels.length).parallel()
                .map(i -> shipped.predictPixels().applyAsInt(pixels[i])).toArray();
        int[] old = shipped.predictBatch().apply(Arrays.stream(pixels).map(ExportParityTest::oldScaling)
                .toArray(float[][]::new));
        int[] c = cPredictions(directory, model, features);
        int[] cPixels = cPixelPredictions(directory, model, pixels);
        int java = 0;
        int batch = 0;
        int javaPixelMismatches = 0;
        int cMismatches = 0;
        int cPixelMismatches = 0;
        int oldMismatches = 0;
        for (int i = 0; i < features.length; i++) {
            // one sample at a time only where that is another code path than the batch (dense networks)
            if (shipped.predict() != null) {
                java += shipped.predict().applyAsInt(features[i]) != trained[i] ? 1 : 0;
            }
            batch += batched[i] != trained[i] ? 1 : 0;
            javaPixelMismatches += javaPixels[i] != trained[i] ? 1 : 0;
            cMismatches += c[i] != trained[i] ? 1 : 0;
            cPixelMismatches += cPixels[i] != trained[i] ? 1 : 0;
            oldMismatches += old[i] != trained[i] ? 1 : 0;
        }
        assertEquals(features.length, pixels.length, "one raw image per test sample");
        return new Parity(features.length, java, batch, javaPixelMismatches, cMismatches, cPixelMismatches,
                oldMismatches, packed.size(),
                shipped.className().apply(model.classes() - 1));
    }

    /** What predictPixels did before the model carried its pipeline. */
    private static float[] oldScaling(byte[] pixels) {
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = 2f * (pixels[i] & 0xff) / 255f - 1f;
        }
        return features;
    }

    /** The test images of the IDX dataset in {@code directory}, raw, one array each. */
    static byte[][] rawTestPixels(Path directory) {
        IdxImages images = IdxReader.readImages(directory.resolve("t10k-images-idx3-ubyte.gz"));
        byte[][] pixels = new byte[images.count()][];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Arrays.copyOfRange(images.pixels(), i * images.imageSize(), (i + 1) * images.imageSize());
        }
        return pixels;
    }

    /** The first {@code training} and {@code test} images of Fashion-MNIST as IDX files in {@code target}. */
    static Path smallIdxCopy(Path target, int training, int test) throws IOException {
        Files.createDirectories(target);
        Path source = IdxDataset.DEBIAN_FASHION_MNIST;
        for (String part : new String[] {"train", "t10k"}) {
            int count = part.equals("train") ? training : test;
            IdxImages images = IdxReader.readImages(source.resolve(part + "-images-idx3-ubyte.gz"));
            byte[] labels = IdxReader.readLabels(source.resolve(part + "-labels-idx1-ubyte.gz"));
            ByteBuffer imageFile = ByteBuffer.allocate(16 + count * images.imageSize())
                    .putInt(0x803).putInt(count).putInt(images.rows()).putInt(images.columns())
                    .put(images.pixels(), 0, count * images.imageSize());
            ByteBuffer labelFile = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count).put(labels, 0, count);
            gzip(target.resolve(part + "-images-idx3-ubyte.gz"), imageFile.array());
            gzip(target.resolve(part + "-labels-idx1-ubyte.gz"), labelFile.array());
        }
        return target;
    }

    private static void gzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }

    static float[][] features(Samples samples) {
        float[][] features = new float[samples.size()][samples.features()];
        for (int i = 0; i < samples.size(); i++) {
            for (int j = 0; j < samples.features(); j++) {
                features[i][j] = samples.feature(i, j);
            }
        }
        return features;
    }

    /** The trained network's own predictions with deterministic binary weights and running statistics. */
    static int[] trainedPredictions(TrainableNetwork network, int batch, Samples samples) {
        network.prepareEvaluation(EvaluationWeights.BINARY);
        Buf input = Buf.of(network.input());
        int[] predictions = new int[samples.size()];
        for (int first = 0; first < samples.size(); first += batch) {
            int rows = Math.min(batch, samples.size() - first);
            for (int r = 0; r < rows; r++) {
                samples.copyFeatures(first + r, input, r * samples.features());
            }
            INDArray scores = network.predict();
            for (int r = 0; r < rows; r++) {
                predictions[first + r] = argmax(scores, r);
            }
        }
        return predictions;
    }

    private static int argmax(INDArray scores, int row) {
        int best = 0;
        for (int c = 1; c < scores.columns(); c++) {
            if (scores.getFloat(row, c) > scores.getFloat(row, best)) {
                best = c;
            }
        }
        return best;
    }

    /** The predictions of the exported C, compiled with gcc in {@code directory}, one process for all samples. */
    static int[] cPredictions(Path directory, PackedModel model, float[][] features)
            throws IOException, InterruptedException {
        Path c = directory.resolve("c");
        CExporter.write(model, c);
        String base = CExporter.baseName(model);
        ByteBuffer data = ByteBuffer.allocate(features.length * features[0].length * 4).order(ByteOrder.nativeOrder());
        for (float[] row : features) {
            for (float value : row) {
                data.putFloat(value);
            }
        }
        Files.write(c.resolve("features.bin"), data.array());
        String prefix = base.toUpperCase(java.util.Locale.ROOT);
        Files.writeString(c.resolve("driver.c"), String.join("\n",
                "#include <stdio.h>",
                "#include \"" + base + ".h\"",
                "int main(void) {",
                "    static float features[" + prefix + "_INPUT_SIZE];",
                "    FILE *in = fopen(\"features.bin\", \"rb\");",
                "    if (in == NULL) { return 2; }",
                "    while (fread(features, sizeof(float), " + prefix + "_INPUT_SIZE, in) == " + prefix
                        + "_INPUT_SIZE) {",
                "        printf(\"%d\\n\", " + base + "_predict(features));",
                "    }",
                "    fclose(in);",
                "    return 0;",
                "}", ""), StandardCharsets.US_ASCII);
        // -lm: a model whose pipeline has GCN calls sqrt in <base>_features, which the .c also defines
        run(c, "gcc", "-std=c99", "-O2", "-Wall", "-Werror", "-o", "driver", "driver.c", base + ".c", "-lm");
        List<String> lines = run(c, "./driver");
        return lines.stream().mapToInt(Integer::parseInt).toArray();
    }

    /** The predictions of the exported C's {@code _predict_pixels} on raw images, compiled with gcc. */
    static int[] cPixelPredictions(Path directory, PackedModel model, byte[][] pixels)
            throws IOException, InterruptedException {
        Path c = directory.resolve("c");
        CExporter.write(model, c);
        String base = CExporter.baseName(model);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] image : pixels) {
            data.write(image);
        }
        Files.write(c.resolve("pixels.bin"), data.toByteArray());
        String prefix = base.toUpperCase(java.util.Locale.ROOT);
        Files.writeString(c.resolve("pixels.c"), String.join("\n",
                "#include <stdio.h>",
                "#include \"" + base + ".h\"",
                "int main(void) {",
                "    static unsigned char pixels[" + prefix + "_INPUT_SIZE];",
                "    FILE *in = fopen(\"pixels.bin\", \"rb\");",
                "    if (in == NULL) { return 2; }",
                "    while (fread(pixels, 1, " + prefix + "_INPUT_SIZE, in) == " + prefix + "_INPUT_SIZE) {",
                "        printf(\"%d\\n\", " + base + "_predict_pixels(pixels));",
                "    }",
                "    fclose(in);",
                "    return 0;",
                "}", ""), StandardCharsets.US_ASCII);
        run(c, "gcc", "-std=c99", "-O2", "-Wall", "-Werror", "-o", "pixels", "pixels.c", base + ".c", "-lm");
        List<String> lines = run(c, "./pixels");
        return lines.stream().mapToInt(Integer::parseInt).toArray();
    }

    private static List<String> run(Path directory, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("could not run " + command[0] + " (the C export test needs gcc: apt-get install gcc): " + e);
        }
        List<String> output = new ArrayList<>(new String(process.getInputStream().readAllBytes(),
                StandardCharsets.US_ASCII).lines().toList());
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed: " + output);
        return output;
    }

    static double accuracy(int[] predictions, Samples samples) {
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            correct += predictions[i] == samples.label(i) ? 1 : 0;
        }
        return (double) correct / predictions.length;
    }
}
