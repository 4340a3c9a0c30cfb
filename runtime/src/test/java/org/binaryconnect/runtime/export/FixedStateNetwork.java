package org.binaryconnect.runtime.export;

import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.optim.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A trained network as an export sees it: a description and a state set by the test, nothing that trains. */
public class FixedStateNetwork implements TrainableNetwork {

    private final NetworkDescription description;
    private final List<NamedArray> state;

    public FixedStateNetwork(NetworkDescription description, List<NamedArray> state) {
        this.description = description;
        this.state = List.copyOf(state);
    }

    @Override
    public NetworkDescription description() {
        return description;
    }

    @Override
    public List<NamedArray> state() {
        return state;
    }

    /** The state array named {@code name}. */
    public INDArray array(String name) {
        return state.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().array();
    }

    @Override
    public INDArray input() {
        throw new UnsupportedOperationException("exports do not run the network");
    }

    @Override
    public int[] labels() {
        throw new UnsupportedOperationException("exports do not run the network");
    }

    @Override
    public void prepareTrainingStep() {
        throw new UnsupportedOperationException("exports do not train");
    }

    @Override
    public double forwardLoss() {
        throw new UnsupportedOperationException("exports do not train");
    }

    @Override
    public void backward() {
        throw new UnsupportedOperationException("exports do not train");
    }

    @Override
    public void update(double learningRate) {
        throw new UnsupportedOperationException("exports do not train");
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        throw new UnsupportedOperationException("exports do not run the network");
    }

    @Override
    public INDArray predict() {
        throw new UnsupportedOperationException("exports do not run the network");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public long steps() {
        return 0;
    }

    @Override
    public long randomState() {
        return 0;
    }

    @Override
    public void restoreTrainingProgress(long randomState, long steps) {
    }

    @Override
    public List<NamedArray> activations() {
        return List.of();
    }
}
