package org.binaryconnect.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs a command to its end, passing each line of its output on as it comes (a training run prints a line per
 * epoch for minutes or hours), and remembers the {@code [binaryconnect] ERROR:} sentence it ends with.
 */
final class ChildProcess {

    static final String ERROR_PREFIX = "[binaryconnect] ERROR:";

    /** How a child ended: its exit code and, when it said why it failed, that sentence. */
    record Result(int exitCode, String errorSentence) {
    }

    private final Consumer<String> stdout;
    private final Consumer<String> stderr;
    private final boolean inheritStdout;

    ChildProcess(Consumer<String> stdout, Consumer<String> stderr) {
        this(stdout, stderr, false);
    }

    /**
     * @param inheritStdout the child writes straight to this JVM's standard output (the terminal), so that a
     *     progress bar can redraw its line in place; {@code stdout} then receives nothing
     */
    ChildProcess(Consumer<String> stdout, Consumer<String> stderr, boolean inheritStdout) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.inheritStdout = inheritStdout;
    }

    Result run(List<String> command, Map<String, String> environment, File workingDirectory)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory);
        builder.environment().putAll(environment);
        if (inheritStdout) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        AtomicReference<String> errorSentence = new AtomicReference<>();
        Thread out = pump(process.getInputStream(), stdout, "binaryconnect-train-stdout");
        Thread err = pump(process.getErrorStream(), line -> {
            if (line.startsWith(ERROR_PREFIX)) {
                errorSentence.set(line.substring(ERROR_PREFIX.length()).trim());
            }
            stderr.accept(line);
        }, "binaryconnect-train-stderr");
        try {
            int exitCode = process.waitFor();
            out.join();
            err.join();
            return new Result(exitCode, errorSentence.get());
        } finally {
            // Only reached alive when this thread was interrupted (Maven shutting down): don't leave training behind.
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> lines, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, childCharset()))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The encoding a JVM on this machine writes its standard streams in. */
    private static Charset childCharset() {
        String nativeEncoding = System.getProperty("native.encoding");
        try {
            return nativeEncoding == null ? Charset.defaultCharset() : Charset.forName(nativeEncoding);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /** Where a child's stderr goes in Maven's log: its final {@link #ERROR_PREFIX} sentence as an error. */
    static Consumer<String> stderrTo(Log log) {
        return line -> {
            if (line.startsWith(ERROR_PREFIX)) {
                log.error(line);
            } else {
                log.info(line);
            }
        };
    }
}
