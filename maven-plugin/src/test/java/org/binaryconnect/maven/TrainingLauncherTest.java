package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.binaryconnect.runtime.io.OutputLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLauncherTest {

    private static final String AVX2_CPUINFO = "processor\t: 0\nflags\t\t: sse avx avx2 fma\n";

    @TempDir
    Path project;

    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final List<String> info = new ArrayList<>();
    private File classes;
    private File data;

    @BeforeEach
    void createProject() throws IOException {
        classes = Files.createDirectories(project.resolve("target/classes")).toFile();
        data = Files.createDirectories(project.resolve("data")).toFile();
    }

    @Test
    void givesTrainMainTheNetworkDataOutputAndOverrides() {
        TrainingRequest request = request(null, new ScheduleOverrides(3, null, null, 42L, null), List.of("-Xmx1g"));

        List<String> arguments = TrainingLauncher.arguments(request, new DeclaredNetwork("com.example.FashionMlpNetwork"),
                new File("/out/FashionMlp"));

        assertEquals(List.of(
                "--network", "com.example.FashionMlpNetwork",
                "--data", data.getAbsolutePath(),
                "--output", new File("/out/FashionMlp").getAbsolutePath(),
                "--epochs", "3", "--seed", "42"), arguments);
    }

    @Test
    void failsBeforeForkingWhenTheDataDirectoryIsMissing() throws IOException {
        declare("ok.TinyNetwork");
        File missing = project.resolve("no-such-dir").toFile();
        TrainingRequest request = new TrainingRequest(project.toFile(), classes, List.of(), List.of(), null, missing,
                project.resolve("target/binaryconnect").toFile(), ScheduleOverrides.NONE, List.of());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> launcher(Map.of()).train(request));

        assertTrue(e.getMessage().contains(missing.getPath() + " does not exist (parameter data)"), e.getMessage());
        assertTrue(e.getMessage().contains("install Debian's package dataset-fashion-mnist, give a dataset name"
                + " (fashion-mnist, mnist, cifar10) or set -Dbinaryconnect.data=<dir>"), e.getMessage());
        assertTrue(stdout.isEmpty());
    }

    @Test
    void failsBeforeForkingWhenNoNetworkWasCompiled() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> launcher(Map.of()).train(request(null, ScheduleOverrides.NONE, List.of())));

        assertTrue(e.getMessage().contains("no @Network class was compiled in this project"), e.getMessage());
    }

    @Test
    void failsBeforeForkingOnAnInvalidOverride() throws IOException {
        declare("ok.TinyNetwork");

        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> launcher(Map.of())
                .train(request(null, new ScheduleOverrides(0, null, null, null, null), List.of())));

        assertTrue(e.getMessage().contains("-Dbinaryconnect.epochs"), e.getMessage());
    }

    @Test
    void streamsTheTrainingJvmsOutputAndReturnsTheNetworksFolder() throws Exception {
        declare("ok.TinyNetwork");

        File output = launcher(Map.of()).train(request("Tiny", new ScheduleOverrides(2, null, null, null, null),
                List.of("-Xmx64m")));

        assertEquals(project.resolve("target/binaryconnect/Tiny").toFile(), output);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(output.toPath().resolve("model.bin")));
        assertTrue(stdout.contains("epoch 1 done") && stdout.contains("epoch 2 done"), stdout.toString());
        assertTrue(stdout.contains("OPENBLAS_CORETYPE=Haswell"), stdout.toString());
        assertTrue(stdout.contains("cwd " + project.toAbsolutePath()), stdout.toString());
        assertTrue(stdout.stream().anyMatch(line -> line.endsWith("--epochs 2")), stdout.toString());
        assertTrue(stdout.contains("vector module true"), "the optimizer's Vector API path can run: " + stdout);
        assertEquals(List.of("a warning on stderr"), stderr, "without the JVM's warning about incubating modules");
        assertTrue(info.get(0).startsWith("Training Tiny (ok.TinyNetwork) on "), info.toString());
    }

    @Test
    void theTrainingJvmIsToldMavensProcessToWatch() throws Exception {
        declare("ok.TinyNetwork");

        launcher(Map.of()).train(request("Tiny", ScheduleOverrides.NONE, List.of("-Xmx64m")));

        assertTrue(stdout.contains("parent " + ProcessHandle.current().pid()), stdout.toString());
    }

    @Test
    void aSecondGoalOnAHeldFolderFailsAtOnceNamingTheHolder() throws Exception {
        declare("ok.TinyNetwork");
        Path folder = project.resolve("target/binaryconnect/Tiny");

        try (OutputLock held = OutputLock.acquire(folder, "binaryconnect:train")) {
            MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> launcher(Map.of())
                    .train(request("Tiny", ScheduleOverrides.NONE, List.of("-Xmx64m"))));

            assertTrue(e.getMessage().startsWith(folder + " is locked: binaryconnect:train by process "
                    + ProcessHandle.current().pid() + " on host "), e.getMessage());
        }
        assertTrue(stdout.isEmpty(), "nothing forked: " + stdout);
        assertFalse(Files.exists(folder.resolve("model.bin")));
    }

    @Test
    void aFolderCreatedForARunThatFailedBeforeWritingIsNotLeftBehind() throws Exception {
        declare("other.SurpriseNetwork");

        assertThrows(MojoExecutionException.class,
                () -> launcher(Map.of()).train(request(null, ScheduleOverrides.NONE, List.of("-Xmx64m"))));

        assertFalse(Files.exists(project.resolve("target/binaryconnect/Surprise")));
    }

    @Test
    void blamesTheModelWhenTheTrainingJvmSaysSo() throws Exception {
        declare("bad.DivergingNetwork");

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> launcher(Map.of()).train(request(null, ScheduleOverrides.NONE, List.of("-Xmx64m"))));

        assertEquals("Training Diverging failed: the loss diverged in epoch 2; lower learningRateStart.",
                e.getMessage());
        assertTrue(stdout.contains("epoch 1 done"), stdout.toString());
    }

    @Test
    void reportsOtherFailuresAsExecutionErrors() throws Exception {
        declare("other.SurpriseNetwork");

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> launcher(Map.of()).train(request(null, ScheduleOverrides.NONE, List.of("-Xmx64m"))));

        assertEquals("Training Surprise failed: unexpected network other.SurpriseNetwork.", e.getMessage());
    }

    @Test
    void aSecondRunWithNothingChangedIsSkippedAndAnyChangeTrainsAgain() throws Exception {
        declare("ok.TinyNetwork");
        Path dataFile = data.toPath().resolve("train-images-idx3-ubyte.gz");
        Files.write(dataFile, new byte[] {1});
        TrainingRequest request = request("Tiny", ScheduleOverrides.NONE, List.of("-Xmx64m"));
        File output = launcher(Map.of()).train(request);
        assertTrue(Files.isRegularFile(output.toPath().resolve(TrainingInputs.FILE_NAME)));

        assertEquals(0, runsOf(request), "nothing changed");
        assertTrue(info.get(info.size() - 1).contains("Tiny is up to date"), info.toString());
        assertEquals(1, runsOf(request("Tiny", new ScheduleOverrides(3, null, null, null, null), List.of("-Xmx64m"))),
                "another epoch count");
        assertEquals(1, runsOf(request), "back to the first configuration");
        Files.setLastModifiedTime(dataFile, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        assertEquals(1, runsOf(request), "the data changed");
        Files.delete(output.toPath().resolve("model.bin"));
        assertEquals(1, runsOf(request), "the model was deleted");
        Files.write(output.toPath().resolve("model.bin"), new byte[] {1, 2, 4});
        assertEquals(1, runsOf(request), "the model was damaged: same size, same place, other bytes");
        Files.write(output.toPath().resolve("checkpoint.bin"), new byte[] {5});
        assertEquals(1, runsOf(request), "the checkpoint was replaced");
        assertEquals(1, runsOf(withOptions(request, new TrainingRequest.RunOptions(true, true, false))), "forced");
        assertEquals(0, runsOf(request));
    }

    @Test
    void resumeOffIsPassedToTheTrainingJvm() throws Exception {
        declare("ok.TinyNetwork");

        launcher(Map.of()).train(withOptions(request("Tiny", ScheduleOverrides.NONE, List.of("-Xmx64m")),
                new TrainingRequest.RunOptions(false, false, false)));

        assertTrue(stdout.stream().anyMatch(line -> line.startsWith("args ") && line.endsWith("--resume false")),
                stdout.toString());
    }

    @Test
    void trainsInMavensJvmWhenForkIsOff() throws Exception {
        declare("ok.TinyNetwork");
        TrainingRequest request = withOptions(request("Tiny", ScheduleOverrides.NONE, List.of("-Xmx64m")),
                new TrainingRequest.RunOptions(true, false, false, false, Map.of()));

        File output = launcher(Map.of()).train(request);

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(output.toPath().resolve("model.bin")));
        assertTrue(stdout.contains("epoch 2 done"), stdout.toString());
        assertTrue(stdout.contains("cwd " + Path.of("").toAbsolutePath()), "Maven's own working directory");
        assertTrue(stdout.stream().noneMatch(line -> line.contains("-Xmx64m")), "no JVM options in-process");
        assertTrue(info.stream().anyMatch(line -> line.contains("in Maven's JVM")), info.toString());
        assertTrue(info.stream().anyMatch(line -> line.contains("OPENBLAS_CORETYPE is not set")), info.toString());
    }

    @Test
    void inMavensJvmAFailureOfTheModelIsStillTheModels() throws Exception {
        declare("bad.DivergingNetwork");
        TrainingRequest request = withOptions(request(null, ScheduleOverrides.NONE, List.of()),
                new TrainingRequest.RunOptions(true, false, false, false, Map.of()));

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> launcher(Map.of()).train(request));

        assertEquals("Training Diverging failed: the loss diverged in epoch 2; lower learningRateStart.",
                e.getMessage());
    }

    @Test
    void theUsersEnvironmentVariablesReachTheTrainingJvm() throws Exception {
        declare("ok.TinyNetwork");

        launcher(Map.of()).train(withOptions(request("Tiny", ScheduleOverrides.NONE, List.of("-Xmx64m")),
                new TrainingRequest.RunOptions(true, false, false, true, Map.of("OPENBLAS_CORETYPE", "Zen"))));

        assertTrue(stdout.contains("OPENBLAS_CORETYPE=Zen"), stdout.toString());
    }

    /** How many times the training JVM ran for {@code request}. */
    private int runsOf(TrainingRequest request) throws Exception {
        int before = (int) stdout.stream().filter(line -> line.equals("epoch 2 done")).count();
        launcher(Map.of()).train(request);
        return (int) stdout.stream().filter(line -> line.equals("epoch 2 done")).count() - before;
    }

    private static TrainingRequest withOptions(TrainingRequest r, TrainingRequest.RunOptions options) {
        return new TrainingRequest(r.workingDirectory(), r.classesDirectory(), r.projectDependencies(),
                r.pluginArtifacts(), r.network(), r.data(), r.outputDirectory(), r.overrides(), r.jvmArgs(), options);
    }

    private TrainingLauncher launcher(Map<String, String> environment) {
        return new TrainingLauncher(info::add, new ForkedJvm(stdout::add, stderr::add, environment, () -> AVX2_CPUINFO),
                FakeTrainMain.class.getName());
    }

    private TrainingRequest request(String network, ScheduleOverrides overrides, List<String> jvmArgs) {
        return new TrainingRequest(project.toFile(), classes, List.of(new ClasspathEntry("test:classes:", testClasses())),
                List.of(), network, data, project.resolve("target/binaryconnect").toFile(), overrides, jvmArgs);
    }

    private void declare(String generatedClass) throws IOException {
        Path list = classes.toPath().resolve(DeclaredNetworks.RESOURCE);
        Files.createDirectories(list.getParent());
        Files.writeString(list, generatedClass + "\n");
    }

    private static File testClasses() {
        try {
            return Path.of(FakeTrainMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
