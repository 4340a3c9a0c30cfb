package org.binaryconnect.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * One network of each class per executor thread, reused from round to round: creating one allocates all its
 * buffers, and every round restores its whole training state anyway, so what a previous round (or a failed
 * attempt) left in it never shows.
 */
final class WorkerNetworks {

    private static final ThreadLocal<Map<String, TrainableNetwork>> NETWORKS = ThreadLocal.withInitial(HashMap::new);

    private WorkerNetworks() {
    }

    static TrainableNetwork of(String className) {
        // the seed does not matter: the round's state replaces everything it initialises
        return NETWORKS.get().computeIfAbsent(className, name -> NetworkClasses.instantiate(name, OptionalLong.of(0)));
    }
}
