package org.binaryconnect.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Trains in Maven's own JVM ({@code -Dbinaryconnect.fork=false}): the entry point the forked JVM would run, called
 * with the project's classes on a class loader whose parent is the plugin's (which holds the runtime and ND4J).
 * Starts faster and debugs in one process, but the JVM's options and environment are Maven's: OpenBLAS reads
 * {@code OPENBLAS_CORETYPE} only when it loads, so it must be exported before {@code mvn} starts.
 */
final class InProcessTraining {

    private final Consumer<String> stdout;
    private final Consumer<String> stderr;

    InProcessTraining(Consumer<String> stdout, Consumer<String> stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs {@code mainClass}'s {@code run(String[], PrintStream, PrintStream)} and returns how it ended. */
    ChildProcess.Result run(String mainClass, List<String> arguments, List<File> projectClasspath)
            throws IOException {
        AtomicReference<String> errorSentence = new AtomicReference<>();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls(projectClasspath), getClass().getClassLoader());
                PrintStream out = lines(stdout);
                PrintStream err = lines(line -> {
                    if (line.startsWith(ChildProcess.ERROR_PREFIX)) {
                        errorSentence.set(line.substring(ChildProcess.ERROR_PREFIX.length()).trim());
                    }
                    stderr.accept(line);
                })) {
            Thread.currentThread().setContextClassLoader(loader);
            Method run = Class.forName(mainClass, true, loader)
                    .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
            int exitCode = (Integer) run.invoke(null, arguments.toArray(String[]::new), out, err);
            out.flush();
            err.flush();
            return new ChildProcess.Result(exitCode, errorSentence.get());
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new IOException("cannot run " + mainClass + " in Maven's JVM: " + cause, cause);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL[] urls(List<File> classpath) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (File entry : classpath) {
            urls.add(entry.toURI().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    /** A stream that hands each complete line to {@code lines}; what is left at close is a last line. */
    private static PrintStream lines(Consumer<String> lines) {
        OutputStream splitter = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    emit();
                } else if (b != '\r') {
                    line.write(b);
                }
            }

            @Override
            public synchronized void close() {
                if (line.size() > 0) {
                    emit();
                }
            }

            private void emit() {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        };
        return new PrintStream(splitter, true, StandardCharsets.UTF_8);
    }
}
