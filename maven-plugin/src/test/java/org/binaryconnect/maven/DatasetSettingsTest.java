package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSettingsTest {

    @TempDir
    Path project;

    @Test
    void aNameStaysANameUnlessTheProjectHoldsAFileOfThatName() throws IOException {
        assertEquals("cifar10", DatasetSettings.resolveSource(project.toFile(), "cifar10"));
        assertEquals(project.resolve("data").toString(), DatasetSettings.resolveSource(project.toFile(), "data"));
        assertEquals("/abs/dir", DatasetSettings.resolveSource(project.toFile(), "/abs/dir"));
        Files.createDirectories(project.resolve("mnist"));
        assertEquals(project.resolve("mnist").toString(), DatasetSettings.resolveSource(project.toFile(), "mnist"));
    }

    @Test
    void passesEverySetOptionToTheTrainingJvm() {
        DatasetSettings settings = new DatasetSettings("cifar10", "cifar10", "authors-cifar10", null, null, null,
                new File("/cache"), true, "plane, car");

        assertEquals(List.of("--data", "cifar10", "--format", "cifar10", "--preprocessing", "authors-cifar10",
                "--cache", "/cache", "--offline", "true", "--class-names", "plane, car"), settings.arguments());
    }

    @Test
    void aMissingPathOrUnknownFormatFailsBeforeForkingNamingTheParameter() {
        MojoExecutionException missing = assertThrows(MojoExecutionException.class,
                () -> DatasetSettings.of(project.resolve("absent").toFile()).check());
        assertTrue(missing.getMessage().contains("does not exist (parameter data)"), missing.getMessage());

        MojoExecutionException format = assertThrows(MojoExecutionException.class,
                () -> new DatasetSettings("mnist", "parquet", null, null, null, null, null, false, null)
                        .check());
        assertTrue(format.getMessage().startsWith("Parameter dataFormat (-Dbinaryconnect.dataFormat) is parquet"),
                format.getMessage());
    }
}
