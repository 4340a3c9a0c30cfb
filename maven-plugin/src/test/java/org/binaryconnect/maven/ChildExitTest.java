package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class ChildExitTest {

    @Test
    void acceptsSuccess() {
        assertDoesNotThrow(() -> ChildExit.check(new ChildProcess.Result(0, null), "FashionMlp"));
    }

    @Test
    void blamesTheUsersDataOrModelForExitCode2() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> ChildExit.check(
                new ChildProcess.Result(2, "the loss diverged in epoch 3; lower learningRateStart."), "FashionMlp"));

        assertEquals("Training FashionMlp failed: the loss diverged in epoch 3; lower learningRateStart.",
                e.getMessage());
    }

    @Test
    void reportsExitCode2WithoutASentence() {
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> ChildExit.check(new ChildProcess.Result(2, null), "FashionMlp"));

        assertTrue(e.getMessage().contains("exit code 2"), e.getMessage());
    }

    @Test
    void treatsBadArgumentsAsAConfigurationError() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> ChildExit.check(
                new ChildProcess.Result(3, "--epochs must be a positive integer."), "FashionMlp"));

        assertEquals("Training FashionMlp failed: --epochs must be a positive integer.", e.getMessage());
    }

    @Test
    void treatsAnyOtherFailureAsAnExecutionError() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ChildExit.check(new ChildProcess.Result(1, null), "FashionMlp"));

        assertTrue(e.getMessage().contains("exited with code 1"), e.getMessage());
    }

    @Test
    void explainsAKilledJvm() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> ChildExit.check(new ChildProcess.Result(137, null), "FashionMlp"));

        assertTrue(e.getMessage().contains("killed by signal 9"), e.getMessage());
        assertTrue(e.getMessage().contains("binaryconnect.jvmArgs"), e.getMessage());
    }

    @Test
    void namesWhatAnotherForkedJvmWasDoing() {
        MojoFailureException user = assertThrows(MojoFailureException.class, () -> ChildExit.check(
                new ChildProcess.Result(2, "the model is damaged."), "FashionMlp", ForkedJvm.Activity.EXPORT));
        MojoExecutionException other = assertThrows(MojoExecutionException.class, () -> ChildExit.check(
                new ChildProcess.Result(1, null), "FashionMlp", ForkedJvm.Activity.EXPORT));

        assertEquals("Exporting FashionMlp failed: the model is damaged.", user.getMessage());
        assertTrue(other.getMessage().startsWith("The export JVM of FashionMlp exited with code 1"),
                other.getMessage());
    }
}
