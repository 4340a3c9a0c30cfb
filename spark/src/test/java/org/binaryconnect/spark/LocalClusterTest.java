package org.binaryconnect.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Two executors in JVMs of their own (local-cluster: a master and workers inside this JVM, executors forked as on a
 * real cluster, everything shipped serialised) train the very bits that two task threads of this JVM do.
 */
class LocalClusterTest {

    private static final DatasetSplit DATA = SyntheticSplit.of(400, 60, 100);

    @TempDir
    Path out;

    @Test
    void executorsInTheirOwnJvmsTrainTheSameBitsAsThreads() throws IOException {
        Path threads = out.resolve("local");
        Path executors = out.resolve("local-cluster");
        try (JavaSparkContext spark = SparkCluster.open(SparkClusterTest.conf("local[2]"), 2, Duration.ofSeconds(5))) {
            train(spark, threads);
        }
        SparkConf cluster = SparkClusterTest.conf("local-cluster[2,1,1024]")
                // the executors' classpath is this test's (surefire's booter jar names every entry)
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                ;
        ExecutorEnvironment.propagate(cluster);
        try (JavaSparkContext spark = SparkCluster.open(cluster, 2, Duration.ofSeconds(60))) {
            List<Long> pids = spark.parallelize(List.of(1, 2), 2).map(i -> ProcessHandle.current().pid()).collect();
            assertFalse(pids.contains(ProcessHandle.current().pid()), "tasks ran in executor JVMs " + pids);
            train(spark, executors);
        }
        assertArrayEquals(Files.readAllBytes(threads.resolve("model.bin")),
                Files.readAllBytes(executors.resolve("model.bin")));
    }

    private static void train(JavaSparkContext spark, Path output) throws IOException {
        try (SparkSteps steps = new SparkSteps(spark, 2, 5)) {
            new Trainer(new SparkTestMlpNetwork(DataType.FLOAT, 11), new TrainingConfig(2, 3e-3, 1e-3, 60, 11, output),
                    line -> { }, TrainingOptions.DEFAULT, ProgressDisplay.epochLines(line -> { }), steps).train(DATA);
        }
    }
}
