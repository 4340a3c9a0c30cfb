package org.binaryconnect.runtime.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.optim.Parameter;

/**
 * A network's whole training state in memory, as bytes: exactly what a checkpoint restores (the arrays of
 * {@link #arrays}, the random state and the optimizer's step count) in the checkpoint's layout, without the run's
 * history. It is what data-parallel training ships between JVMs mid-epoch; restoring it into a network of the
 * same class continues bit for bit as the network it was taken from would have.
 */
public final class StateSnapshot {

    private static final String SOURCE = "shipped between JVMs";

    private StateSnapshot() {
    }

    /** The counters a snapshot carries besides its arrays. */
    public record Counters(long randomState, long steps) {
    }

    public static byte[] of(TrainableNetwork network) {
        return of(network, network.randomState());
    }

    /**
     * A snapshot whose receiver continues from {@code randomState} instead of the network's own: a network whose
     * last update binarized the weights for its next step (stochastically, drawing from its generator) is restored
     * with those weights to be binarized again, and replays the same draws only from the state before that update.
     */
    public static byte[] of(TrainableNetwork network, long randomState) {
        NetworkDescription description = network.description();
        // the input pipeline stays with the driver, which writes the model and checkpoints: a snapshot records the
        // default one, as it records epoch 0
        ModelHeader header = new ModelHeader(ModelFormat.VERSION, description.name(), description.fingerprint(), 0,
                InputPipeline.scaling(description.inputSize(), -1f, 1f), List.of());
        String metadata = "randomState=" + randomState + "\nsteps=" + network.steps() + "\n";
        return ModelFileWriter.toBytes(StateFileKind.SNAPSHOT, header, metadata, arrays(network));
    }

    /**
     * Restores {@code snapshot} into {@code network}: arrays, optimizer moments, random state and step count; the
     * next step binarizes afresh from the restored weights.
     *
     * @throws ModelFileException when the bytes are damaged or were taken from another network
     */
    public static Counters restore(byte[] snapshot, TrainableNetwork network) {
        ModelFileReader.Contents contents = ModelFileReader.read(snapshot, SOURCE, StateFileKind.SNAPSHOT);
        Counters counters = counters(contents.metadata());
        StoredArrays.restore(SOURCE, StateFileKind.SNAPSHOT, contents, network.description(), arrays(network));
        network.restoreTrainingProgress(counters.randomState(), counters.steps());
        return counters;
    }

    /**
     * Every array a checkpoint or snapshot holds, in their order: {@link TrainableNetwork#state()} (real-valued
     * weights, biases, batch-norm parameters and running statistics), then each parameter's two optimizer moments.
     */
    public static List<NamedArray> arrays(TrainableNetwork network) {
        List<NamedArray> arrays = new ArrayList<>(network.state());
        for (Parameter p : network.parameters()) {
            arrays.add(new NamedArray(p.name() + ".moment1", p.firstMoment()));
            arrays.add(new NamedArray(p.name() + ".moment2", p.secondMoment()));
        }
        return arrays;
    }

    private static Counters counters(String metadata) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : metadata.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        try {
            return new Counters(Long.parseLong(values.get("randomState")), Long.parseLong(values.get("steps")));
        } catch (NumberFormatException e) {
            throw new ModelFileException("Training state " + SOURCE + " is damaged: its counters do not read ("
                    + metadata.strip() + "): run again.");
        }
    }
}
