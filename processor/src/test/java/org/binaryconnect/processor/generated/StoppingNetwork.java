package org.binaryconnect.processor.generated;

import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.train.ForwardingNetwork;

/** A network that throws in the forward pass after a given number of optimizer steps, as a crash would stop it. */
final class StoppingNetwork extends ForwardingNetwork {

    private final long stopAfterSteps;

    StoppingNetwork(TrainableNetwork delegate, long stopAfterSteps) {
        super(delegate);
        this.stopAfterSteps = stopAfterSteps;
    }

    @Override
    public double forwardBackward() {
        if (delegate.steps() == stopAfterSteps) {
            throw new IllegalStateException("stopped after " + stopAfterSteps + " steps");
        }
        return delegate.forwardBackward();
    }
}
