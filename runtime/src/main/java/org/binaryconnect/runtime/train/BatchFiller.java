package org.binaryconnect.runtime.train;

import java.util.Arrays;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;

/**
 * Copies samples straight into a network's preallocated {@link TrainableNetwork#input()} and
 * {@link TrainableNetwork#labels()}: no ND4J call and no allocation per batch.
 */
public final class BatchFiller {

    private final Buf input;
    private final int[] labels;
    private final int features;
    private final int batchSize;

    public BatchFiller(TrainableNetwork network) {
        NetworkDescription description = network.description();
        this.batchSize = description.batchSize();
        this.features = description.inputSize();
        long[] shape = network.input().shape();
        if (shape.length != 2 || shape[0] != batchSize || shape[1] != features) {
            throw new IllegalArgumentException(description.name() + ".input() has shape "
                    + Arrays.toString(shape) + ", expected [" + batchSize + ", " + features + "]");
        }
        this.input = Buf.of(network.input());
        this.labels = network.labels();
    }

    public int batchSize() {
        return batchSize;
    }

    /** Fills rows {@code 0 .. count-1} with samples {@code first .. first+count-1}; later rows keep old data. */
    void fill(Samples samples, int first, int count) {
        checkFeatures(samples);
        for (int row = 0; row < count; row++) {
            samples.copyFeatures(first + row, input, row * features);
            labels[row] = samples.label(first + row);
        }
    }

    /** Fills the whole batch with the samples at {@code order[first .. first+batchSize-1]}. */
    public void fill(Samples samples, int[] order, int first) {
        checkFeatures(samples);
        for (int row = 0; row < batchSize; row++) {
            int sample = order[first + row];
            samples.copyFeatures(sample, input, row * features);
            labels[row] = samples.label(sample);
        }
    }

    private void checkFeatures(Samples samples) {
        if (samples.features() != features) {
            throw new IllegalArgumentException("samples have " + samples.features() + " features, the network takes "
                    + features);
        }
    }
}
