package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class OutputDirectoryTest {

    private final File project = new File("/work/project");

    @Test
    void anEmptyOutputDirectoryIsRefusedRatherThanWritingIntoTheProjectsRoot() {
        for (File empty : new File[] {null, new File(""), new File("  ")}) {
            MojoExecutionException e = assertThrows(MojoExecutionException.class,
                    () -> BinaryConnectMojo.outputDirectory(project, empty));
            assertTrue(e.getMessage().startsWith("outputDirectory is empty (parameter outputDirectory,"), e.getMessage());
        }
    }

    @Test
    void aRelativeOutputDirectoryIsTheProjectsAndAnAbsoluteOneStaysAsItIs() throws MojoExecutionException {
        assertEquals(new File(project, "binaryconnect"), BinaryConnectMojo.outputDirectory(project,
                new File("binaryconnect")));
        assertEquals(new File("/data/models"), BinaryConnectMojo.outputDirectory(project, new File("/data/models")));
    }
}
