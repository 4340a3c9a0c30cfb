package org.binaryconnect.runtime.optim;

import java.util.List;
import org.binaryconnect.runtime.nn.Parallel;

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
            if (SinglePrecisionChunks.applies(p)) {
                float step = (float) stepSize;
                long binarizationStream = p.reserveBinarizationDraws();
                Parallel.split(SinglePrecisionChunks.length(p), (start, end) -> updateSinglePrecision(
                        new SinglePrecisionChunks(p, start, end, binarizationStream), step,
                        (float) p.learningRateScale(), (float) p.h()));
                continue;
            }
            ParameterChunks chunks = new ParameterChunks(p);
            double scale = p.learningRateScale();
            double h = p.h();
            double[] w = chunks.values();
            double[] g = chunks.gradients();
            double[] m = chunks.firstMoments();
            double[] v = chunks.secondMoments();
            while (chunks.next()) {
                for (int i = 0, count = chunks.count(); i < count; i++) {
                    double gi = g[i];
                    double mi = beta1 * m[i] + (1 - beta1) * gi;
                    double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
                    m[i] = mi;
                    v[i] = vi;
                    w[i] = Optimizer.applyDelta(w[i], -stepSize * mi / (Math.sqrt(vi) + epsilon), scale, h);
                }
                chunks.storeValuesAndMoments();
            }
            p.binarizeAfterUpdate();
        }
    }

    /** The same update in float arithmetic, as the authors' float32 Theano code: no conversions, fully vectorized. */
    private void updateSinglePrecision(SinglePrecisionChunks chunks, float stepSize, float scale, float h) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float[] w = chunks.values();
        float[] g = chunks.gradients();
        float[] m = chunks.firstMoments();
        float[] v = chunks.secondMoments();
        boolean clip = h > 0;
        while (chunks.next()) {
            int count = chunks.count();
            for (int i = 0; i < count; i++) {
                float gi = g[i];
                float mi = b1 * m[i] + (1 - b1) * gi;
                float vi = b2 * v[i] + (1 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] -= scale * stepSize * mi / ((float) Math.sqrt(vi) + eps);
            }
            if (clip) {
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
