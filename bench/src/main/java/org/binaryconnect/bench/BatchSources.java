package org.binaryconnect.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.runtime.network.NetworkDescription;

/** Loads each kind of data once: every benchmark network takes the same 784 inputs and 10 classes. */
final class BatchSources {

    private final long seed;
    private final Map<List<Integer>, BatchSource> loaded = new HashMap<>();

    BatchSources(long seed) {
        this.seed = seed;
    }

    BatchSource forNetwork(NetworkDescription description) {
        return loaded.computeIfAbsent(List.of(description.inputSize(), description.classes()),
                key -> BatchSource.forInput(key.get(0), key.get(1), seed));
    }
}
