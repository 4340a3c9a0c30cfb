package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs gcc and the programs it builds for the C tests. Without gcc a test fails rather than skips, so that a build
 * without a C compiler cannot pass unchecked.
 */
final class Gcc {

    /** Portable C99, every warning an error: what the exported C and the kernels must pass. */
    static final List<String> STRICT = List.of("-std=c99", "-O2", "-Wall", "-Wextra", "-Werror", "-pedantic");

    private Gcc() {
    }

    /** Compiles {@code arguments} (sources, {@code -o}, {@code -I}...) with {@link #STRICT}, failing on a warning. */
    static void compile(Path directory, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(gcc());
        command.addAll(STRICT);
        command.addAll(arguments);
        run(directory, command);
    }

    /** Runs {@code command} in {@code directory}, asserts it exits with 0 and returns its output. */
    static String run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 60 s");
        }
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    private static String gcc() {
        try {
            Process probe = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor() == 0) {
                return "gcc";
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        return fail("gcc is needed to test the C export and was not found on the PATH: install gcc "
                + "(apt-get install gcc); CI has it.");
    }
}
