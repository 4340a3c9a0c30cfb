package org.binaryconnect.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.train.ProgressDisplay;
import org.binaryconnect.runtime.train.Trainer;
import org.binaryconnect.runtime.train.TrainingOptions;
import org.binaryconnect.spark.specs.SparkTestMlpNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * An executor JVM of a standalone cluster (a master and two workers started here) killed with SIGKILL in the middle
 * of a round: Spark runs the lost task again on a new executor, and the run ends with the model of the run without
 * faults.
 */
class ExecutorKilledTest {

    private static final DatasetSplit DATA = SyntheticSplit.of(400, 60, 100);

    @TempDir
    Path out;

    @Test
    void anExecutorKilledMidRoundEndsWithTheModelOfTheRunWithoutFaults() throws Exception {
        Path clean = out.resolve("clean");
        try (JavaSparkContext spark = SparkCluster.open(SparkClusterTest.conf("local[2]"), 2, Duration.ofSeconds(5))) {
            train(spark, clean, RoundFault.NONE);
        }
        Path killed = out.resolve("killed");
        String marker = out.resolve("killed-once").toString();
        // the executor that runs partition 1 of epoch 1, round 2 kills itself, once, after its steps
        RoundFault killExecutor = (epoch, round, partition) -> {
            if (epoch == 1 && round == 2 && partition == 1) {
                try {
                    Files.createFile(Path.of(marker));
                } catch (FileAlreadyExistsException retried) {
                    return;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                long pid = ProcessHandle.current().pid();
                try {
                    new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor();
                    Thread.sleep(60_000);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try (StandaloneCluster cluster = StandaloneCluster.start(2, Files.createDirectories(out.resolve("cluster")))) {
            SparkConf conf = SparkClusterTest.conf(cluster.masterUrl())
                    .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                    .set("spark.executor.cores", "1")
                    .set("spark.executor.memory", "768m");
            ExecutorEnvironment.propagate(conf);
            try (JavaSparkContext spark = SparkCluster.open(conf, 2, Duration.ofSeconds(90))) {
                train(spark, killed, killExecutor);
            }
        }
        assertTrue(Files.exists(Path.of(marker)), "an executor was killed");
        assertArrayEquals(Files.readAllBytes(clean.resolve("model.bin")), Files.readAllBytes(killed.resolve("model.bin")));
    }

    private static void train(JavaSparkContext spark, Path output, RoundFault fault) throws IOException {
        try (SparkSteps steps = new SparkSteps(spark, 2, 3, fault)) {
            new Trainer(new SparkTestMlpNetwork(DataType.FLOAT, 11), new TrainingConfig(2, 3e-3, 1e-3, 60, 11, output),
                    line -> { }, TrainingOptions.DEFAULT, ProgressDisplay.epochLines(line -> { }), steps).train(DATA);
        }
    }
}
