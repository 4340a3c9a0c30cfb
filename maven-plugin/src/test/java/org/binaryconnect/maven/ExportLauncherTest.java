package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportLauncherTest {

    @TempDir
    Path project;

    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final List<String> info = new ArrayList<>();
    private File classes;
    private File output;

    @BeforeEach
    void createProject() throws IOException {
        classes = Files.createDirectories(project.resolve("target/classes")).toFile();
        output = project.resolve("target/binaryconnect").toFile();
    }

    @Test
    void givesExportMainTheModelTheClassesAndTheCFolder() {
        File data = project.resolve("data").toFile();
        ExportRequest request = new ExportRequest(project.toFile(), classes, List.of(), List.of(), null,
                DatasetSettings.of(data), output, "1.0", List.of("-Xmx256m"));
        File model = new File(output, "FashionMlp/model.bin");
        File c = new File(output, "FashionMlp/c");

        List<String> command = ExportLauncher.arguments(request, new DeclaredNetwork("com.example.FashionMlpNetwork"),
                model, c);

        assertEquals(List.of(
                "--network", "com.example.FashionMlpNetwork",
                "--model", model.getAbsolutePath(),
                "--resource-dir", classes.getAbsolutePath(),
                "--c-dir", c.getAbsolutePath(),
                "--project-version", "1.0",
                "--data", data.getAbsolutePath()), command);
    }

    @Test
    void failsBeforeForkingWhenTheNetworkWasNotTrained() throws IOException {
        declare("ok.TinyNetwork");

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> launcher().export(request(null)));

        assertEquals("There is no trained model of Tiny to export: " + new File(output, "Tiny/model.bin")
                + " does not exist; run mvn binaryconnect:train first (with the same outputDirectory).",
                e.getMessage());
        assertTrue(stdout.isEmpty());
    }

    @Test
    void failsBeforeForkingWhenNoNetworkWasCompiled() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> launcher().export(request(null)));

        assertTrue(e.getMessage().contains("no @Network class was compiled in this project"), e.getMessage());
    }

    @Test
    void writesTheResourceIntoTheClassesAndTheCFilesNextToTheModel() throws Exception {
        declare("ok.TinyNetwork");
        train("Tiny");

        File c = launcher().export(request("Tiny"));

        assertEquals(new File(output, "Tiny/c"), c);
        assertArrayEquals(new byte[] {'B', 'C', 'P', 'K'}, Files.readAllBytes(classes.toPath().resolve("ok/Tiny.bcpk")));
        assertTrue(new File(c, "tiny.h").isFile() && new File(c, "tiny.c").isFile());
        assertTrue(stdout.stream().anyMatch(line -> line.startsWith("packed model: ")), stdout.toString());
        assertEquals(List.of(), stderr);
        assertTrue(info.get(0).startsWith("Exporting Tiny (ok.TinyNetwork) from "), info.toString());
    }

    @Test
    void blamesTheModelWhenTheExportJvmSaysSo() throws Exception {
        declare("bad.DamagedNetwork");
        train("Damaged");

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> launcher().export(request(null)));

        assertEquals("Exporting Damaged failed: Model file model.bin is damaged: train again or restore it.",
                e.getMessage());
    }

    @Test
    void reportsOtherFailuresAsExecutionErrors() throws Exception {
        declare("other.SurpriseNetwork");
        train("Surprise");

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> launcher().export(request(null)));

        assertEquals("Exporting Surprise failed: unexpected network other.SurpriseNetwork.", e.getMessage());
    }

    private ExportLauncher launcher() {
        return new ExportLauncher(info::add, new ForkedJvm(stdout::add, stderr::add),
                FakeExportMain.class.getName());
    }

    private ExportRequest request(String network) {
        return new ExportRequest(project.toFile(), classes, List.of(new ClasspathEntry("test:classes:",
                testClasses())), List.of(), network, DatasetSettings.of(project.resolve("data").toFile()), output,
                null, List.of("-Xmx64m"));
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
            return Path.of(FakeExportMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
