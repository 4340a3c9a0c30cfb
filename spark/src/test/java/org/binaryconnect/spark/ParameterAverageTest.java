package org.binaryconnect.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.binaryconnect.runtime.model.StateSnapshot;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.spark.specs.SparkTestMlpNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ParameterAverageTest {

    @Test
    void averagesEveryArrayInPartitionOrderWhateverOrderResultsArriveIn() {
        TrainableNetwork[] partitions = {network(1), network(2), network(3)};
        partitions[0].restoreTrainingProgress(77, 5);
        ShardResult[] results = new ShardResult[3];
        for (int p = 0; p < 3; p++) {
            results[p] = new ShardResult(p, 0, new double[0], StateSnapshot.of(partitions[p]), null, "");
        }
        TrainableNetwork inOrder = network(9);
        TrainableNetwork arrived = network(9);

        ParameterAverage.into(inOrder, List.of(results[0], results[1], results[2]));
        ParameterAverage.into(arrived, List.of(results[2], results[0], results[1]));

        assertArrayEquals(StateSnapshot.of(inOrder), StateSnapshot.of(arrived));
        assertEquals(77, inOrder.randomState(), "partition 0's random stream goes on");
        assertEquals(5, inOrder.steps(), "partition 0's step count");
        List<NamedArray> averaged = StateSnapshot.arrays(inOrder);
        for (int a = 0; a < averaged.size(); a++) {
            Buf mean = Buf.of(averaged.get(a).array());
            for (int i = 0; i < Math.min(mean.length(), 50); i++) {
                double sum = 0;
                for (TrainableNetwork partition : partitions) {
                    sum += Buf.of(StateSnapshot.arrays(partition).get(a).array()).get(i);
                }
                assertEquals((float) (sum / 3), (float) mean.get(i), averaged.get(a).name() + "[" + i + "]");
            }
        }
    }

    @Test
    void theAverageOfOneStateIsThatState() {
        TrainableNetwork one = network(4);
        one.restoreTrainingProgress(123, 9);
        byte[] snapshot = StateSnapshot.of(one);
        TrainableNetwork driver = network(5);

        ParameterAverage.into(driver, List.of(new ShardResult(0, 0, new double[0], snapshot, null, "")));

        assertArrayEquals(snapshot, StateSnapshot.of(driver));
    }

    private static TrainableNetwork network(long seed) {
        return new SparkTestMlpNetwork(DataType.FLOAT, seed);
    }
}
