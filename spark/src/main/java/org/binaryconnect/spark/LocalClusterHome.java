package org.binaryconnect.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a {@code local-cluster[...]} master needs to fork its executor JVMs without a Spark installation. It is
 * Spark's test mode: its workers run in this JVM and start executors through Spark's launcher, which looks for a
 * Spark home with a {@code jars/} folder and a Scala build folder, and, in test mode ({@code spark.testing}), takes
 * the home from {@code spark.test.home}. An empty such home will do: executors get this JVM's classpath
 * ({@code spark.executor.extraClassPath}), which holds Spark.
 */
final class LocalClusterHome {

    private LocalClusterHome() {
    }

    static boolean needed(String master) {
        return master.startsWith("local-cluster");
    }

    /** Creates the empty home and points Spark's test mode at it, unless a home is set already. */
    static void prepare() {
        if (System.getProperty("spark.test.home") != null) {
            return;
        }
        try {
            Path home = Files.createTempDirectory("binaryconnect-spark-home");
            Files.createDirectories(home.resolve("jars"));
            Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
            home.toFile().deleteOnExit();
            System.setProperty("spark.test.home", home.toString());
            System.setProperty("spark.testing", "true");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Spark home for the local-cluster master", e);
        }
    }
}
