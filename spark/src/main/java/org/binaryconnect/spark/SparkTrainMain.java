package org.binaryconnect.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.binaryconnect.runtime.cli.TrainMain;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.train.EpochSteps;
import org.binaryconnect.runtime.train.StepSource;

/**
 * {@link TrainMain} with each epoch's steps taken on Spark: its arguments, and {@code --spark-master <url>}
 * (required), {@code --spark-workers N} (default 2), {@code --spark-sync-every K} (default
 * {@value #DEFAULT_SYNC_EVERY}) and {@code --spark-wait-seconds S} (how long executors may take to register,
 * default 120). Other Spark settings come from {@code spark.*} system properties, as with spark-submit. Exit codes
 * and the error line are TrainMain's.
 */
public final class SparkTrainMain {

    /** Steps between averagings; not yet measured on a real cluster (see docs/decisions/spark-training.md). */
    static final int DEFAULT_SYNC_EVERY = 10;

    private SparkTrainMain() {
    }

    public static void main(String[] args) {
        // exit explicitly: ND4J's native threads could otherwise keep the JVM alive
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> training = new ArrayList<>();
        String[] master = {null};
        int[] workers = {2};
        int[] syncEvery = {DEFAULT_SYNC_EVERY};
        int[] waitSeconds = {120};
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (name) {
                case "--spark-master" -> master[0] = value;
                case "--spark-workers" -> workers[0] = number(name, value);
                case "--spark-sync-every" -> syncEvery[0] = number(name, value);
                case "--spark-wait-seconds" -> waitSeconds[0] = number(name, value);
                default -> {
                    training.add(name);
                    continue;
                }
            }
            i++;
        }
        return TrainMain.run(training.toArray(String[]::new), out, err,
                () -> SparkRun.open(master[0], workers[0], syncEvery[0], Duration.ofSeconds(waitSeconds[0])));
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            // reported by TrainMain as a bad configuration once the run starts
            return -1;
        }
    }

    /** The Spark context of a run and the steps taken on it, closed together. */
    static final class SparkRun implements StepSource, AutoCloseable {

        private final JavaSparkContext spark;
        private final SparkSteps steps;

        private SparkRun(JavaSparkContext spark, SparkSteps steps) {
            this.spark = spark;
            this.steps = steps;
        }

        static SparkRun open(String master, int workers, int syncEvery, Duration wait) {
            if (master == null || master.isBlank()) {
                throw new ConfigurationException("No Spark master given: set binaryconnect.spark.master (e.g."
                        + " local[2], local-cluster[2,1,2048] or spark://host:7077).");
            }
            // checked before a context starts
            SparkSteps.check(workers, syncEvery);
            SparkConf conf = new SparkConf().setMaster(master).setAppName("binaryconnect training");
            if (!conf.contains("spark.executor.extraClassPath") && !conf.contains("spark.jars")) {
                // executors on this machine's file system (local-cluster, a standalone cluster here) find the
                // network, the runtime and ND4J where the driver does; elsewhere, ship them (spark.jars)
                conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            }
            ExecutorEnvironment.propagate(conf);
            if (LocalClusterHome.needed(master)) {
                LocalClusterHome.prepare();
            }
            JavaSparkContext spark = SparkCluster.open(conf, workers, wait);
            return new SparkRun(spark, new SparkSteps(spark, workers, syncEvery));
        }

        @Override
        public double trainEpoch(EpochSteps epoch) {
            return steps.trainEpoch(epoch);
        }

        @Override
        public String resultKey() {
            return steps.resultKey();
        }

        @Override
        public void close() {
            steps.close();
            spark.close();
        }

        @Override
        public String toString() {
            return "the Spark context of " + spark.master();
        }
    }
}
