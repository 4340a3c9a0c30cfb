package org.binaryconnect.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.model.StateSnapshot;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.train.EpochSteps;
import org.binaryconnect.runtime.train.StepSource;

/**
 * Takes each epoch's steps on a Spark cluster by synchronous parameter averaging: every round the driver
 * broadcasts the network's training state, each of {@code workers} partitions trains {@code syncEvery} consecutive
 * batches from it ({@link RoundTask}), and the driver averages what they return in partition order
 * ({@link ParameterAverage}). With one worker the run is the single-JVM run, bit for bit.
 *
 * <p>The training samples are broadcast once per run. The caller owns the Spark context.
 */
public final class SparkSteps implements StepSource, AutoCloseable {

    private final JavaSparkContext spark;
    private final int workers;
    private final int syncEvery;
    private final RoundFault fault;
    private Samples shipped;
    private Broadcast<ShippedSamples> data;

    /**
     * @param workers the partitions each round trains in parallel
     * @param syncEvery the steps each partition takes between two averagings
     */
    public SparkSteps(JavaSparkContext spark, int workers, int syncEvery) {
        this(spark, workers, syncEvery, RoundFault.NONE);
    }

    SparkSteps(JavaSparkContext spark, int workers, int syncEvery, RoundFault fault) {
        check(workers, syncEvery);
        this.spark = spark;
        this.workers = workers;
        this.syncEvery = syncEvery;
        this.fault = fault;
    }

    /** @throws ConfigurationException unless both are positive */
    static void check(int workers, int syncEvery) {
        if (workers < 1) {
            throw new ConfigurationException("binaryconnect.spark.workers is " + workers + ": give 1 or more.");
        }
        if (syncEvery < 1) {
            throw new ConfigurationException("binaryconnect.spark.syncEvery is " + syncEvery + ": give 1 or more.");
        }
    }

    @Override
    public double trainEpoch(EpochSteps epoch) {
        TrainableNetwork network = epoch.network();
        int batchSize = network.description().batchSize();
        Broadcast<ShippedSamples> samples = data(epoch.training());
        List<Integer> starts = RoundPlan.roundStarts(epoch.batches(), workers, syncEvery);
        double lossSum = 0;
        for (int r = 0; r + 1 < starts.size(); r++) {
            List<Shard> shards = RoundPlan.shards(starts.get(r), starts.get(r + 1), workers, epoch.order(), batchSize);
            Broadcast<byte[]> state = spark.broadcast(StateSnapshot.of(network));
            List<ShardResult> results;
            try {
                RoundTask task = new RoundTask(network.getClass().getName(), state, samples, epoch.learningRate(),
                        epoch.divergence().referenceLoss(), r + 2 == starts.size(), epoch.epoch(), r + 1, fault);
                results = new ArrayList<>(spark.parallelize(shards, shards.size()).map(task).collect());
            } finally {
                state.destroy();
            }
            results.sort(Comparator.comparingInt(ShardResult::partition));
            lossSum = replay(epoch, results, lossSum);
            ParameterAverage.into(network, results);
        }
        return lossSum;
    }

    /** One worker takes the single-JVM steps whatever {@code syncEvery}: its checkpoints are interchangeable. */
    @Override
    public String resultKey() {
        return workers == 1 ? "" : "spark parameter averaging, " + workers + " workers, syncEvery " + syncEvery;
    }

    /**
     * Checks and reports every step's loss in batch order, as one JVM would have, and adds it to {@code lossSum}
     * in that order (so that the epoch's mean loss has the same bits).
     */
    private static double replay(EpochSteps epoch, List<ShardResult> results, double lossSum) {
        for (ShardResult result : results) {
            double[] losses = result.losses();
            for (int step = 0; step < losses.length; step++) {
                int batch = result.firstBatch() + step;
                boolean last = step == losses.length - 1;
                String problem = epoch.divergence().problem(losses[step]);
                if (problem != null) {
                    throw epoch.diverged(batch, losses[step], problem, result.diverged() && last ? result.where() : "");
                }
                if (result.diverged() && last) {
                    // measured against the worker's own first loss, in the run's first round
                    throw epoch.diverged(batch, losses[step], result.problem(), result.where());
                }
                lossSum += losses[step];
                epoch.display().batchDone(batch + 1, losses[step]);
            }
        }
        return lossSum;
    }

    private Broadcast<ShippedSamples> data(Samples training) {
        if (training != shipped) {
            if (data != null) {
                data.destroy();
            }
            data = spark.broadcast(ShippedSamples.of(training));
            shipped = training;
        }
        return data;
    }

    /** Removes the broadcast training samples from the executors. */
    @Override
    public void close() {
        if (data != null) {
            data.destroy();
            data = null;
            shipped = null;
        }
    }
}
