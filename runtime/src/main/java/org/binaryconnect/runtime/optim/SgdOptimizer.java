package org.binaryconnect.runtime.optim;

import java.util.List;
import org.binaryconnect.runtime.nn.Parallel;

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
            if (SinglePrecisionChunks.applies(p)) {
                long binarizationStream = p.reserveBinarizationDraws();
                Parallel.split(SinglePrecisionChunks.length(p), (start, end) -> updateSinglePrecision(
                        new SinglePrecisionChunks(p, start, end, binarizationStream), (float) learningRate,
                        (float) p.learningRateScale(), (float) p.h()));
                continue;
            }
            ParameterChunks chunks = new ParameterChunks(p);
            double scale = p.learningRateScale();
            double h = p.h();
            double[] w = chunks.values();
            double[] g = chunks.gradients();
            double[] velocity = chunks.firstMoments();
            while (chunks.next()) {
                for (int i = 0, count = chunks.count(); i < count; i++) {
                    double vi = momentum * velocity[i] - learningRate * g[i];
                    velocity[i] = vi;
                    w[i] = Optimizer.applyDelta(w[i], vi, scale, h);
                }
                chunks.storeValuesAndMoments();
            }
            p.binarizeAfterUpdate();
        }
    }

    private void updateSinglePrecision(SinglePrecisionChunks chunks, float learningRate, float scale, float h) {
        float mu = (float) momentum;
        float[] w = chunks.values();
        float[] g = chunks.gradients();
        float[] velocity = chunks.firstMoments();
        while (chunks.next()) {
            int count = chunks.count();
            for (int i = 0; i < count; i++) {
                float vi = mu * velocity[i] - learningRate * g[i];
                velocity[i] = vi;
                w[i] += scale * vi;
            }
            if (h > 0) {
                SinglePrecisionChunks.clip(w, count, h);
            }
            chunks.store();
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
