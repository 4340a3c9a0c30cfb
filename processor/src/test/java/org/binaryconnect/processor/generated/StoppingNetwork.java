package org.binaryconnect.processor.generated;

import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.optim.Parameter;
import org.binaryconnect.runtime.train.NamedArray;
import org.binaryconnect.runtime.train.NetworkDescription;
import org.binaryconnect.runtime.train.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A network that throws in the forward pass after a given number of optimizer steps, as a crash would stop it. */
final class StoppingNetwork implements TrainableNetwork {

    private final TrainableNetwork delegate;
    private final long stopAfterSteps;

    StoppingNetwork(TrainableNetwork delegate, long stopAfterSteps) {
        this.delegate = delegate;
        this.stopAfterSteps = stopAfterSteps;
    }

    @Override
    public double forwardLoss() {
        if (delegate.steps() == stopAfterSteps) {
            throw new IllegalStateException("stopped after " + stopAfterSteps + " steps");
        }
        return delegate.forwardLoss();
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
