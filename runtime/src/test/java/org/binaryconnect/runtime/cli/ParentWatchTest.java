package org.binaryconnect.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A forked JVM that watches its parent ends within 10 s of that parent's SIGKILL, and only then. */
class ParentWatchTest {

    @Test
    void aWatchingJvmEndsSoonAfterItsParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "300").start();
        Process child = startProbe(Long.toString(parent.pid()));
        try {
            awaitWatching(child);
            assertFalse(child.waitFor(2, TimeUnit.SECONDS), "the probe ended while its parent was alive");
            parent.destroyForcibly(); // SIGKILL
            long killed = System.nanoTime();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the probe outlived its killed parent by 10 s");
            System.out.printf("probe ended %.1f s after its parent's SIGKILL%n", (System.nanoTime() - killed) / 1e9);
            String lastLine = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(lastLine.startsWith(TrainMain.ERROR_PREFIX) && lastLine.contains("pid " + parent.pid()),
                    lastLine);
        } finally {
            parent.destroyForcibly();
            child.destroyForcibly();
        }
    }

    @Test
    void withoutTheVariableNothingIsWatched() throws Exception {
        Process child = startProbe(null);
        try {
            awaitWatching(child);
            assertFalse(child.waitFor(2, TimeUnit.SECONDS), "the probe ended without a parent to watch");
        } finally {
            child.destroyForcibly();
        }
    }

    private static Process startProbe(String parentPid) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"), ParentWatchProbe.class.getName()));
        builder.environment().remove(ParentWatch.PARENT_PID_VARIABLE);
        if (parentPid != null) {
            builder.environment().put(ParentWatch.PARENT_PID_VARIABLE, parentPid);
        }
        return builder.start();
    }

    private static void awaitWatching(Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue("watching".equals(line), "the probe said " + line);
    }
}
