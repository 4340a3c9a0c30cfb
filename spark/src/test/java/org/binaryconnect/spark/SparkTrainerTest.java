package org.binaryconnect.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.model.CheckpointFile;
import org.binaryconnect.runtime.model.StateSnapshot;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.train.ProgressDisplay;
import org.binaryconnect.runtime.train.Trainer;
import org.binaryconnect.runtime.train.TrainingOptions;
import org.binaryconnect.spark.specs.SparkTestMlpNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Training through {@link SparkSteps} on real Spark (local masters: tasks in this JVM, serialised as on a cluster),
 * compared file by file with the run of one JVM and with itself.
 */
class SparkTrainerTest {

    private static final int EPOCHS = 3;
    private static final long SEED = 11;
    // 400 training samples: 20 batches of 20 an epoch
    private static final DatasetSplit DATA = SyntheticSplit.of(400, 60, 100);
    // counts the injected task failures; tasks of local masters run in this JVM
    private static final AtomicInteger FAULTS = new AtomicInteger();

    @TempDir
    static Path out;

    private static Path singleJvm;

    @BeforeAll
    static void trainInOneJvm() throws IOException {
        singleJvm = out.resolve("single-jvm");
        new Trainer(network(), config(singleJvm), line -> { }).train(DATA);
    }

    @Test
    void oneWorkerReproducesTheSingleJvmRunBitForBit() throws IOException {
        withSpark("local[1]", spark -> {
            // 1: a round per batch; 7: rounds of 7, 7 and 6 batches, one ending with the epoch and one not
            for (int syncEvery : new int[] {1, 7}) {
                Path run = train(spark, 1, syncEvery, RoundFault.NONE, "one-worker-sync-" + syncEvery);
                assertSameRun(singleJvm, run);
                System.out.printf("SparkTrainerTest: model.bin sha256 %s in one JVM, %s with one worker,"
                        + " syncEvery %d%n", sha256(singleJvm), sha256(run), syncEvery);
            }
        });
    }

    @Test
    void twoWorkersGiveTheSameBitsEveryRun() throws IOException {
        withSpark("local[2]", spark -> {
            // rounds of 6 batches, 3 each; the epoch's last round 1 each
            Path first = train(spark, 2, 3, RoundFault.NONE, "two-workers-a");
            Path second = train(spark, 2, 3, RoundFault.NONE, "two-workers-b");
            assertSameRun(first, second);
            assertFalse(Arrays.equals(modelBytes(first), modelBytes(singleJvm)),
                    "averaging two workers' states changes the model");
        });
    }

    @Test
    void aTaskFailedOnItsFirstAttemptEndsWithTheModelOfTheRunWithoutFaults() throws IOException {
        // local[2,4]: two threads, and each task may fail up to 4 times before the job does
        withSpark("local[2,4]", spark -> {
            Path clean = train(spark, 2, 3, RoundFault.NONE, "without-faults");
            FAULTS.set(0);
            // after partition 1 has taken its steps (its cached network is changed) in epoch 2, round 2
            RoundFault failFirstAttempt = (epoch, round, partition) -> {
                if (epoch == 2 && round == 2 && partition == 1 && TaskContext.get().attemptNumber() == 0) {
                    FAULTS.incrementAndGet();
                    throw new IllegalStateException("injected failure of the first attempt");
                }
            };
            Path retried = train(spark, 2, 3, failFirstAttempt, "retried");
            assertEquals(1, FAULTS.get(), "the fault was injected once");
            assertSameRun(clean, retried);
        });
    }

    @Test
    void aRunStoppedInAnEpochResumesFromItsCheckpointToTheModelOfTheRunWithoutStops() throws IOException {
        withSpark("local[2,4]", spark -> {
            Path clean = train(spark, 2, 3, RoundFault.NONE, "uninterrupted");
            RoundFault everyAttemptInEpoch3 = (epoch, round, partition) -> {
                if (epoch == 3 && round == 2) {
                    throw new IllegalStateException("injected failure of every attempt");
                }
            };
            Path stopped = out.resolve("stopped");
            assertThrows(SparkException.class, () -> train(spark, 2, 3, everyAttemptInEpoch3, "stopped"));
            List<String> console = new ArrayList<>();
            train(spark, 2, 3, RoundFault.NONE, "stopped", console);
            assertTrue(console.get(0).contains("after epoch 2 of 3"), console.toString());
            assertSameRun(clean, stopped);
            // one JVM (or another number of workers) would continue it otherwise: it starts again
            console.clear();
            new Trainer(network(), config(stopped), console::add).train(DATA);
            assertTrue(console.get(0).contains("from a run with another network, configuration or data"),
                    console.toString());
            assertSameRun(singleJvm, stopped);
        });
    }

    /** The model, the restored checkpoint state and the figures (apart from timings) are the same. */
    private static void assertSameRun(Path expected, Path actual) throws IOException {
        assertArrayEquals(modelBytes(expected), modelBytes(actual), actual + "/model.bin");
        assertArrayEquals(checkpointState(expected), checkpointState(actual), actual + "/checkpoint.bin");
        assertEquals(figures(expected), figures(actual), actual + "/metrics.csv");
    }

    private static String sha256(Path run) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(modelBytes(run)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

        private static byte[] modelBytes(Path run) throws IOException {
        return Files.readAllBytes(run.resolve("model.bin"));
    }

    private static byte[] checkpointState(Path run) throws IOException {
        SparkTestMlpNetwork network = new SparkTestMlpNetwork(DataType.FLOAT, 0);
        CheckpointFile.restore(run.resolve(CheckpointFile.FILE_NAME), network);
        return StateSnapshot.of(network);
    }

    /** metrics.csv without its timings: the columns named seconds and samples_per_s, wherever they are. */
    private static List<String> figures(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        int seconds = header.indexOf("seconds");
        int samplesPerSecond = header.indexOf("samples_per_s");
        assertTrue(seconds >= 0 && samplesPerSecond >= 0, "no timing columns in " + header);
        return lines.stream().map(line -> {
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            fields.remove(Math.max(seconds, samplesPerSecond));
            fields.remove(Math.min(seconds, samplesPerSecond));
            return String.join(",", fields);
        }).toList();
    }

    private static Path train(JavaSparkContext spark, int workers, int syncEvery, RoundFault fault, String name)
            throws IOException {
        return train(spark, workers, syncEvery, fault, name, new ArrayList<>());
    }

    private static Path train(JavaSparkContext spark, int workers, int syncEvery, RoundFault fault, String name,
            List<String> console) throws IOException {
        Path output = out.resolve(name);
        try (SparkSteps steps = new SparkSteps(spark, workers, syncEvery, fault)) {
            new Trainer(network(), config(output), console::add, TrainingOptions.DEFAULT,
                    ProgressDisplay.epochLines(line -> { }), steps).train(DATA);
        }
        return output;
    }

    private static SparkTestMlpNetwork network() {
        return new SparkTestMlpNetwork(DataType.FLOAT, SEED);
    }

    private static TrainingConfig config(Path output) {
        return new TrainingConfig(EPOCHS, 3e-3, 1e-3, 60, SEED, output);
    }

    interface SparkWork {
        void run(JavaSparkContext spark) throws IOException;
    }

    private static void withSpark(String master, SparkWork work) throws IOException {
        SparkConf conf = new SparkConf().setMaster(master).setAppName("SparkTrainerTest")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            work.run(spark);
        }
    }
}
