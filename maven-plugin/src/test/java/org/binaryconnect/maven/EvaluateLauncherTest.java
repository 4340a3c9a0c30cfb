package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateLauncherTest {

    private static final String AVX2_CPUINFO = "processor\t: 0\nflags\t\t: sse avx avx2 fma\n";

    @TempDir
    Path project;

    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final List<String> info = new ArrayList<>();
    private File classes;
    private File data;
    private File output;

    @BeforeEach
    void createProject() throws IOException {
        classes = Files.createDirectories(project.resolve("target/classes")).toFile();
        data = Files.createDirectories(project.resolve("data")).toFile();
        output = project.resolve("target/binaryconnect").toFile();
    }

    @Test
    void givesEvaluateMainTheModelTheDataAndTheNetworksFolder() {
        EvaluateRequest request = new EvaluateRequest(project.toFile(), classes, List.of(), List.of(), null, data,
                output, "validation", "REAL", 40, List.of("-Xmx256m"));
        File folder = new File(output, "FashionMlp");
        File model = new File(folder, "model.bin");

        List<String> command = EvaluateLauncher.arguments(request,
                new DeclaredNetwork("com.example.FashionMlpNetwork"), model, folder, "validation", "REAL");

        assertEquals(List.of(
                "--network", "com.example.FashionMlpNetwork",
                "--model", model.getAbsolutePath(),
                "--data", data.getAbsolutePath(),
                "--output", folder.getAbsolutePath(),
                "--part", "validation",
                "--weights", "REAL",
                "--validation-samples", "40"), command);
    }

    @Test
    void leavesWeightsAndValidationSamplesToTheNetworkWhenNotGiven() {
        EvaluateRequest request = request(null, "test", null);
        File folder = new File(output, "Tiny");

        List<String> command = EvaluateLauncher.arguments(request, new DeclaredNetwork("ok.TinyNetwork"),
                new File(folder, "model.bin"), folder, "test", null);

        assertEquals(List.of("--part", "test"), command.subList(command.size() - 2, command.size()));
        assertTrue(!command.contains("--weights") && !command.contains("--validation-samples"), command.toString());
    }

    @Test
    void refusesAnUnknownPartOrWeightsBeforeForking() throws IOException {
        declare("ok.TinyNetwork");
        train("Tiny");

        MojoExecutionException part = assertThrows(MojoExecutionException.class,
                () -> launcher(Map.of()).evaluate(request(null, "holdout", null)));
        assertEquals("part must be one of test, validation, training, got 'holdout' (parameter part, "
                + "-Dbinaryconnect.part).", part.getMessage());

        MojoExecutionException weights = assertThrows(MojoExecutionException.class,
                () -> launcher(Map.of()).evaluate(request(null, "test", "AUTO")));
        assertTrue(weights.getMessage().startsWith("weights must be one of BINARY, REAL, SAMPLED_AVERAGE, got 'AUTO' "
                + "(parameter weights"), weights.getMessage());
        assertTrue(stdout.isEmpty(), stdout.toString());
    }

    @Test
    void acceptsPartAndWeightsInAnyCase() throws MojoExecutionException {
        assertEquals("validation", EvaluateLauncher.part(" Validation"));
        assertEquals("SAMPLED_AVERAGE", EvaluateLauncher.weights("sampled_average"));
        assertEquals(null, EvaluateLauncher.weights(""));
    }

    @Test
    void failsBeforeForkingWhenTheNetworkWasNotTrained() throws IOException {
        declare("ok.TinyNetwork");

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> launcher(Map.of()).evaluate(request(null, "test", null)));

        assertEquals("There is no trained model of Tiny to evaluate: " + new File(output, "Tiny/model.bin")
                + " does not exist; run mvn binaryconnect:train first (with the same outputDirectory).",
                e.getMessage());
        assertTrue(stdout.isEmpty());
    }

    @Test
    void failsBeforeForkingWhenTheDataDirectoryIsMissing() throws IOException {
        declare("ok.TinyNetwork");
        train("Tiny");
        Files.delete(data.toPath());

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> launcher(Map.of()).evaluate(request(null, "test", null)));

        assertTrue(e.getMessage().startsWith("The data directory " + data + " does not exist (parameter data)"),
                e.getMessage());
    }

    @Test
    void writesTheReportNextToTheModelWithTheTrainingEnvironment() throws Exception {
        declare("ok.TinyNetwork");
        train("Tiny");

        File folder = launcher(Map.of()).evaluate(request("Tiny", "test", "binary"));

        assertEquals(new File(output, "Tiny"), folder);
        assertTrue(new File(folder, "evaluation.json").isFile() && new File(folder, "confusion-matrix.csv").isFile());
        assertTrue(stdout.contains("accuracy 1.0000 (1/1)"), stdout.toString());
        assertTrue(stdout.contains("env OPENBLAS_THREAD_TIMEOUT=4"), stdout.toString());
        assertTrue(stdout.get(0).endsWith("--part test --weights BINARY"), stdout.get(0));
        assertEquals(List.of(), stderr);
        assertTrue(info.get(0).startsWith("Evaluating Tiny (ok.TinyNetwork) from "), info.toString());
    }

    @Test
    void blamesTheModelWhenTheEvaluationJvmSaysSo() throws Exception {
        declare("bad.DamagedNetwork");
        train("Damaged");

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> launcher(Map.of()).evaluate(request(null, "test", null)));

        assertEquals("Evaluating Damaged failed: Model file model.bin is damaged: train again or restore it.",
                e.getMessage());
    }

    @Test
    void reportsOtherFailuresAsExecutionErrors() throws Exception {
        declare("other.SurpriseNetwork");
        train("Surprise");

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> launcher(Map.of()).evaluate(request(null, "test", null)));

        assertEquals("Evaluating Surprise failed: unexpected network other.SurpriseNetwork.", e.getMessage());
    }

    private EvaluateLauncher launcher(Map<String, String> environment) {
        return new EvaluateLauncher(info::add, new ForkedJvm(stdout::add, stderr::add, environment,
                () -> AVX2_CPUINFO), FakeEvaluateMain.class.getName());
    }

    private EvaluateRequest request(String network, String part, String weights) {
        return new EvaluateRequest(project.toFile(), classes, List.of(new ClasspathEntry("test:classes:",
                testClasses())), List.of(), network, data, output, part, weights, null, List.of("-Xmx64m"));
    }

    private void declare(String generatedClass) throws IOException {
        Path list = classes.toPath().resolve(DeclaredNetworks.RESOURCE);
        Files.createDirectories(list.getParent());
        Files.writeString(list, generatedClass + "\n");
    }

    private void train(String network) throws IOException {
        Path model = output.toPath().resolve(network).resolve("model.bin");
        Files.createDirectories(model.getParent());
        Files.write(model, new byte[] {1, 2, 3});
    }

    private static File testClasses() {
        try {
            return Path.of(FakeEvaluateMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
