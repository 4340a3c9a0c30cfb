package org.binaryconnect.spark;

import java.util.Arrays;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.model.StateSnapshot;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.train.BatchFiller;
import org.binaryconnect.runtime.train.DivergenceCheck;
import org.binaryconnect.runtime.train.NonFiniteLocator;

/**
 * A partition's round, run on an executor: load the round's state, take the shard's steps with the partition's own
 * random stream, give back the state. A pure function of the broadcast state, the data and the shard: a retried
 * task (or a speculative copy) computes the same bits.
 */
final class RoundTask implements Function<Shard, ShardResult> {

    private static final long serialVersionUID = 1L;

    private final String networkClass;
    private final Broadcast<byte[]> state;
    private final Broadcast<ShippedSamples> data;
    private final double learningRate;
    private final double referenceLoss;
    private final boolean epochEnds;
    private final int epoch;
    private final int round;
    private final RoundFault fault;

    /**
     * @param referenceLoss the run's first loss, the yardstick of divergence; NaN in the run's first round
     * @param epochEnds whether the epoch ends with this round (the driver evaluates next, instead of training on)
     */
    RoundTask(String networkClass, Broadcast<byte[]> state, Broadcast<ShippedSamples> data, double learningRate,
            double referenceLoss, boolean epochEnds, int epoch, int round, RoundFault fault) {
        this.networkClass = networkClass;
        this.state = state;
        this.data = data;
        this.learningRate = learningRate;
        this.referenceLoss = referenceLoss;
        this.epochEnds = epochEnds;
        this.epoch = epoch;
        this.round = round;
        this.fault = fault;
    }

    @Override
    public ShardResult call(Shard shard) {
        TrainableNetwork network = WorkerNetworks.of(networkClass);
        StateSnapshot.Counters start = StateSnapshot.restore(state.value(), network);
        network.restoreTrainingProgress(PartitionStreams.randomState(start.randomState(), shard.partition()),
                start.steps());
        BatchFiller batch = new BatchFiller(network);
        Samples samples = data.value().samples();
        DivergenceCheck divergence = new DivergenceCheck(referenceLoss);
        double[] losses = new double[shard.steps()];
        long beforeLastUpdate = network.randomState();
        for (int step = 0; step < shard.steps(); step++) {
            batch.fill(samples, shard.samples(), step * batch.batchSize());
            network.prepareTrainingStep();
            double loss = network.forwardBackward();
            losses[step] = loss;
            String problem = divergence.problem(loss);
            if (problem != null) {
                // before the update, as in one JVM; the driver replays every loss in batch order and reports
                return new ShardResult(shard.partition(), shard.firstBatch(), Arrays.copyOf(losses, step + 1), null,
                        problem, NonFiniteLocator.locate(network));
            }
            beforeLastUpdate = network.randomState();
            network.update(learningRate);
        }
        fault.afterSteps(epoch, round, shard.partition());
        // The last update binarized the weights for a next step here; the next round binarizes the average
        // instead, and draws what that update drew only from the state before it.
        long continueFrom = epochEnds ? network.randomState() : beforeLastUpdate;
        return new ShardResult(shard.partition(), shard.firstBatch(), losses, StateSnapshot.of(network, continueFrom),
                null, "");
    }
}
