package org.binaryconnect.runtime.optim;

import java.util.List;
import org.binaryconnect.runtime.nn.Buf;

/** SGD with momentum as in Lasagne: {@code velocity = momentum * velocity - lr * g}, {@code W_new = W + velocity}. */
public final class SgdOptimizer implements Optimizer {

    private final double momentum;
    private long steps;

    public SgdOptimizer(double momentum) {
        this.momentum = momentum;
    }

    @Override
    public void update(List<Parameter> parameters, double learningRate) {
        steps++;
        for (Parameter p : parameters) {
            Buf w = Buf.of(p.value());
            Buf g = Buf.of(p.gradient());
            Buf velocity = Buf.of(p.firstMoment());
            double scale = p.learningRateScale();
            double h = p.h();
            for (int i = 0, n = w.length(); i < n; i++) {
                double vi = momentum * velocity.get(i) - learningRate * g.get(i);
                velocity.set(i, vi);
                w.set(i, Optimizer.applyDelta(w.get(i), vi, scale, h));
            }
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restoreSteps(long savedSteps) {
        this.steps = savedSteps;
    }
}
