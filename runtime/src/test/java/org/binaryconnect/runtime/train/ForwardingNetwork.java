package org.binaryconnect.runtime.train;

import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.optim.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A network that forwards every call to another, for tests that change one behaviour of a working network. */
public abstract class ForwardingNetwork implements TrainableNetwork {

    protected final TrainableNetwork delegate;

    protected ForwardingNetwork(TrainableNetwork delegate) {
        this.delegate = delegate;
    }

    @Override
    public NetworkDescription description() {
        return delegate.description();
    }

    @Override
    public INDArray input() {
        return delegate.input();
    }

    @Override
    public int[] labels() {
        return delegate.labels();
    }

    @Override
    public void prepareTrainingStep() {
        delegate.prepareTrainingStep();
    }

    @Override
    public double forwardBackward() {
        return delegate.forwardBackward();
    }

    @Override
    public double forwardLoss() {
        return delegate.forwardLoss();
    }

    @Override
    public void backward() {
        delegate.backward();
    }

    @Override
    public void update(double learningRate) {
        delegate.update(learningRate);
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        delegate.prepareEvaluation(weights);
    }

    @Override
    public INDArray predict() {
        return delegate.predict();
    }

    @Override
    public List<Parameter> parameters() {
        return delegate.parameters();
    }

    @Override
    public List<NamedArray> state() {
        return delegate.state();
    }

    @Override
    public long steps() {
        return delegate.steps();
    }

    @Override
    public long randomState() {
        return delegate.randomState();
    }

    @Override
    public void restoreTrainingProgress(long randomState, long steps) {
        delegate.restoreTrainingProgress(randomState, steps);
    }

    @Override
    public List<NamedArray> activations() {
        return delegate.activations();
    }
}
