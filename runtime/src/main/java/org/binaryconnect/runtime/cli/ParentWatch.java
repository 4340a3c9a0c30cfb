package org.binaryconnect.runtime.cli;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Ends a forked JVM soon after the Maven JVM that started it dies, so that a training run never goes on writing
 * into its directory, unseen, after a {@code kill -9} of Maven (a cancelled CI job): the next build would race it.
 *
 * <p>The plugin names its own process in {@value #PARENT_PID_VARIABLE}; without the variable (a user running the
 * main class by hand, with {@code nohup} say) nothing is watched. The forked JVM halts as a SIGKILL would stop it,
 * which every file it writes is built to survive (atomic replacement), and its directory lock ends with it.
 */
public final class ParentWatch {

    /** The environment variable that holds the PID of the process whose death ends this JVM. */
    public static final String PARENT_PID_VARIABLE = "BINARYCONNECT_PARENT_PID";

    /** How often the parent is looked at: the JVM ends at most this long (and a thread switch) after it. */
    static final long INTERVAL_MILLIS = 500;

    private ParentWatch() {
    }

    /** Starts watching the process named by {@value #PARENT_PID_VARIABLE}, if any, on a daemon thread. */
    static void startFromEnvironment(PrintStream err) {
        String value = System.getenv(PARENT_PID_VARIABLE);
        if (value == null || value.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            err.println("[binaryconnect] WARNING: " + PARENT_PID_VARIABLE + "=" + value + " is not a process id;"
                    + " this JVM will not stop with its parent");
            return;
        }
        if (parent.isEmpty()) {
            halt(err, value);
        }
        Thread watch = new Thread(() -> watch(parent.get(), err), "binaryconnect-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(ProcessHandle parent, PrintStream err) {
        while (parent.isAlive()) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
        halt(err, Long.toString(parent.pid()));
    }

    private static void halt(PrintStream err, String pid) {
        err.println(TrainMain.ERROR_PREFIX + "the Maven process that started this one (pid " + pid
                + ") has ended: stopping here. Run the goal again to resume from the last checkpoint.");
        err.flush();
        Runtime.getRuntime().halt(TrainMain.INTERNAL);
    }
}
