package org.binaryconnect.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.binaryconnect.runtime.model.StateSnapshot;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;

/**
 * Puts the average of the partitions' training states into the driver's network. Everything a snapshot holds is
 * real-valued and averaged element by element, summed in double precision in partition order (never in the order
 * results arrive, so every run gives the same bits) and rounded once:
 * <ul>
 * <li>weights W (each partition's W lies in [-H, H] after clipping, so the average does too: the binary weights
 * are derived from it again at the next step), biases, batch-norm scale and shift;
 * <li>batch-norm running means and standard deviations: each partition's is an exponential average over its own
 * batches, and their mean is the statistic of all the round's batches;
 * <li>Adam's moments (SGD's velocity): averaged like the parameters they belong to, as DL4J's parameter averaging
 * does with its updater state, so the next round's first steps are not taken with moments of one shard only.
 * </ul>
 * The step count and random state are partition 0's: every partition took its steps from the same step count
 * (partition 0 the most), and partition 0 carries the run's own random stream on.
 */
final class ParameterAverage {

    private ParameterAverage() {
    }

    /** @param results the round's results, in any order; none diverged */
    static void into(TrainableNetwork network, List<ShardResult> results) {
        List<ShardResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt(ShardResult::partition));
        List<NamedArray> arrays = StateSnapshot.arrays(network);
        double[][] sums = new double[arrays.size()][];
        StateSnapshot.Counters first = null;
        for (ShardResult result : ordered) {
            StateSnapshot.Counters counters = StateSnapshot.restore(result.snapshot(), network);
            if (first == null) {
                first = counters;
            }
            for (int a = 0; a < arrays.size(); a++) {
                Buf values = Buf.of(arrays.get(a).array());
                if (sums[a] == null) {
                    sums[a] = new double[values.length()];
                }
                double[] sum = sums[a];
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values.get(i);
                }
            }
        }
        int count = ordered.size();
        for (int a = 0; a < arrays.size(); a++) {
            Buf values = Buf.of(arrays.get(a).array());
            double[] sum = sums[a];
            for (int i = 0; i < sum.length; i++) {
                values.set(i, sum[i] / count);
            }
        }
        network.restoreTrainingProgress(first.randomState(), first.steps());
    }
}
