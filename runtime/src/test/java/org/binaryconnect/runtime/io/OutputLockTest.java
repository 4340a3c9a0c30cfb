package org.binaryconnect.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

    @TempDir
    Path directory;

    @Test
    void aSecondHolderInThisJvmIsRefusedAtOnceAndTheLockCanBeTakenAgainAfterClose() throws Exception {
        Path network = directory.resolve("Net");
        try (OutputLock held = OutputLock.acquire(network, "training")) {
            OutputLockedException refused = assertThrows(OutputLockedException.class,
                    () -> OutputLock.acquire(network, "export"));
            assertTrue(refused.getMessage().startsWith(network + " is locked: training by process "
                    + ProcessHandle.current().pid() + " on host " + OutputLock.hostName() + " since "),
                    refused.getMessage());
        }
        OutputLock.acquire(network, "evaluation").close();
    }

    @Test
    void anotherProcessIsRefusedWhileItIsHeldAndTheLockEndsWithItsProcess() throws Exception {
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), OutputLockHolder.class.getName(),
                directory.toString())).start();
        try {
            String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertEquals("holding", said);
            OutputLockedException refused = assertThrows(OutputLockedException.class,
                    () -> OutputLock.acquire(directory, "training"));
            assertTrue(refused.getMessage().contains("training by process " + holder.pid() + " on host "),
                    refused.getMessage());
            holder.destroyForcibly(); // SIGKILL: no code of the holder's runs, only the operating system's release
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            OutputLock.acquire(directory, "training").close();
        } finally {
            holder.destroyForcibly();
        }
    }
}
