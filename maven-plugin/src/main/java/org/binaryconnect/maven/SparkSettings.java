package org.binaryconnect.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Training on Apache Spark, as the {@code binaryconnect.spark.*} parameters ask for it: the training JVM becomes
 * the Spark driver and runs {@code SparkTrainMain} with Spark and binaryconnect-spark added to its classpath (they
 * are resolved only for such a run: the single-JVM training classpath never holds them).
 *
 * @param master the master URL: {@code local[N]}, {@code local-cluster[N,cores,memoryMB]}, {@code spark://host:port}
 * @param workers partitions trained side by side each round
 * @param syncEvery steps each partition takes between two averagings
 * @param classpath Spark and binaryconnect-spark with their dependencies
 */
record SparkSettings(String master, int workers, int syncEvery, List<ClasspathEntry> classpath) {

    static final String MAIN_CLASS = "org.binaryconnect.spark.SparkTrainMain";

    /**
     * The options Spark needs on Java 17 (its launcher's {@code JavaModuleOptions}); spark-submit adds them, a JVM
     * the plugin forks gets them here.
     */
    static final List<String> JAVA_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    SparkSettings {
        classpath = List.copyOf(classpath);
    }

    /** {@code SparkTrainMain}'s options, after TrainMain's. */
    List<String> arguments() {
        return List.of("--spark-master", master, "--spark-workers", String.valueOf(workers), "--spark-sync-every",
                String.valueOf(syncEvery));
    }

    /** What of the run changes its result (one worker trains the single-JVM bits), for the up-to-date check. */
    String resultKey() {
        return workers == 1 ? "" : "spark workers " + workers + " syncEvery " + syncEvery;
    }

    /** The training JVM's options: the user's, then Spark's. */
    List<String> jvmArgs(List<String> user) {
        List<String> all = new ArrayList<>(user);
        all.addAll(JAVA_OPTIONS);
        return all;
    }
}
