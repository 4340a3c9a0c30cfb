package org.binaryconnect.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.binaryconnect.runtime.network.ConfigurationException;

/**
 * Opens the Spark context of a run and waits, for a bounded time, until the cluster offers a task slot for each
 * worker: a round's partitions must run side by side, and a run that cannot start should say why at once, not
 * hang (an unreachable master) or crawl (fewer slots than workers).
 */
public final class SparkCluster {

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[(\\d+),\\s*(\\d+),\\s*\\d+\\]");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String STANDALONE = "spark://";

    private SparkCluster() {
    }

    /**
     * @param conf the run's configuration, with its master
     * @param wait how long executors may take to register
     * @throws ConfigurationException when the cluster offers fewer task slots than {@code workers} within
     *     {@code wait}; the context is then stopped
     */
    public static JavaSparkContext open(SparkConf conf, int workers, Duration wait) {
        String master = conf.get("spark.master", "");
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            int slots = local.group(1) == null ? 1
                    : local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(local.group(1));
            if (slots < workers) {
                throw new ConfigurationException("The Spark master " + master + " runs " + slots + " task"
                        + (slots == 1 ? "" : "s") + " at a time, fewer than the " + workers + " workers asked for"
                        + " (binaryconnect.spark.workers): ask for at most " + slots + ", or give local[" + workers
                        + "].");
            }
            return new JavaSparkContext(conf);
        }
        if (master.startsWith(STANDALONE)) {
            requireReachable(master, wait);
        }
        JavaSparkContext spark = new JavaSparkContext(conf);
        try {
            awaitSlots(spark, master, workers, wait);
            return spark;
        } catch (RuntimeException e) {
            spark.close();
            throw e;
        }
    }

    /**
     * Connects to the standalone master's port (or to one of several): Spark's own client retries an unreachable
     * master for a minute, and its context takes as long again to stop.
     */
    private static void requireReachable(String master, Duration wait) {
        String problem = "";
        for (String address : master.substring(STANDALONE.length()).split(",")) {
            int colon = address.lastIndexOf(':');
            String host = colon < 0 ? address : address.substring(0, colon);
            int port = colon < 0 ? 7077 : Integer.parseInt(address.substring(colon + 1));
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) Math.min(wait.toMillis(), 10_000));
                return;
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        throw new ConfigurationException("The Spark master " + master + " is not reachable (" + problem + "): check"
                + " the master URL and that the master is running and reachable from here.");
    }

    private static void awaitSlots(JavaSparkContext spark, String master, int workers, Duration wait) {
        int cores = coresPerExecutor(spark.getConf(), master);
        long deadline = System.nanoTime() + wait.toNanos();
        int executors = 0;
        while (System.nanoTime() < deadline && !spark.sc().isStopped()) {
            // the driver is listed too
            executors = Math.max(0, spark.sc().statusTracker().getExecutorInfos().length - 1);
            if (executors * cores >= workers) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Spark executors", e);
            }
        }
        if (executors == 0) {
            throw new ConfigurationException("No Spark executor registered with the master " + master + " within "
                    + wait.toSeconds() + " s: check the master URL and that the master and its workers are running"
                    + " and reachable from here.");
        }
        throw new ConfigurationException("The Spark cluster at " + master + " offers " + executors * cores
                + " task slots (" + executors + " executors of " + cores + " cores) after " + wait.toSeconds()
                + " s, fewer than the " + workers + " workers asked for (binaryconnect.spark.workers): ask for at"
                + " most " + executors * cores + ", or give the cluster more executors or cores"
                + " (spark.executor.instances, spark.executor.cores).");
    }

    /**
     * Task slots per executor: {@code spark.executor.cores} (over {@code spark.task.cpus}); local-cluster's own
     * figure; else 1, the default of YARN and Kubernetes (a standalone executor takes all of its worker's cores
     * unless told otherwise: set spark.executor.cores there).
     */
    private static int coresPerExecutor(SparkConf conf, String master) {
        int taskCpus = conf.getInt("spark.task.cpus", 1);
        if (conf.contains("spark.executor.cores")) {
            return Math.max(1, conf.getInt("spark.executor.cores", 1) / taskCpus);
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        return cluster.matches() ? Math.max(1, Integer.parseInt(cluster.group(2)) / taskCpus) : 1;
    }
}
