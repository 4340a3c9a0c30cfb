package org.binaryconnect.runtime.optim;

import java.util.List;
import org.binaryconnect.runtime.nn.Buf;

/**
 * Adam as in Lasagne (which the authors used): {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code W_new = W - lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}. One fused pass per parameter.
 */
public final class AdamOptimizer implements Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private long steps;

    public AdamOptimizer(double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    public void update(List<Parameter> parameters, double learningRate) {
        steps++;
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        for (Parameter p : parameters) {
            Buf w = Buf.of(p.value());
            Buf g = Buf.of(p.gradient());
            Buf m = Buf.of(p.firstMoment());
            Buf v = Buf.of(p.secondMoment());
            double scale = p.learningRateScale();
            double h = p.h();
            for (int i = 0, n = w.length(); i < n; i++) {
                double gi = g.get(i);
                double mi = beta1 * m.get(i) + (1 - beta1) * gi;
                double vi = beta2 * v.get(i) + (1 - beta2) * gi * gi;
                m.set(i, mi);
                v.set(i, vi);
                w.set(i, Optimizer.applyDelta(w.get(i), -stepSize * mi / (Math.sqrt(vi) + epsilon), scale, h));
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
