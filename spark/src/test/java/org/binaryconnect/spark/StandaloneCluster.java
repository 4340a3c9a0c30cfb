package org.binaryconnect.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for a test: a master and workers in JVMs of their own, started from this
 * test's classpath (Spark's launcher in testing mode, as surefire's environment sets it) and stopped by their
 * process handles.
 */
final class StandaloneCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final String masterUrl;

    private StandaloneCluster(String masterUrl) {
        this.masterUrl = masterUrl;
    }

    /** A master and {@code workers} workers of one core each; their logs go to {@code logs}. */
    static StandaloneCluster start(int workers, Path logs) throws IOException {
        int port = freePort();
        StandaloneCluster cluster = new StandaloneCluster("spark://127.0.0.1:" + port);
        try {
            cluster.launch(logs.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
            awaitPort(port, Duration.ofSeconds(60));
            for (int w = 0; w < workers; w++) {
                Path work = Files.createDirectories(logs.resolve("worker-" + w));
                cluster.launch(logs.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker", "--host",
                        "127.0.0.1", "--cores", "1", "--memory", "1g", "--work-dir", work.toString(), "--webui-port",
                        String.valueOf(freePort()), cluster.masterUrl);
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    private void launch(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(System.getProperty("binaryconnect.test.sparkJavaOptions", "").split(" ")));
        command.removeIf(String::isBlank);
        command.add(mainClass);
        command.addAll(List.of(args));
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /** Stops the workers and then the master, each by its process. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void awaitPort(int port, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the Spark master did not listen on port " + port + " within " + wait, e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
