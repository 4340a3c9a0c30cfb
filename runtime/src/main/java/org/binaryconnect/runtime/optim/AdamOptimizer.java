package org.binaryconnect.runtime.optim;

import java.nio.ByteBuffer;
import java.util.List;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.nn.Parallel;

/**
 * Adam as in Lasagne (which the authors used): {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code W_new = W - lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}. One fused pass per parameter, split over
 * both cores. Single-precision binary parameters take {@link VectorizedAdam} where {@link VectorApi#available()},
 * which also leaves their gradient +0 for the next product; every other parameter, and every JVM without the
 * Vector API, takes the scalar float path (or the double path of the gradient checks). Both float paths give the
 * same bits.
 */
public final class AdamOptimizer implements Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean vectorized;
    private long steps;

    public AdamOptimizer(double beta1, double beta2, double epsilon) {
        this(beta1, beta2, epsilon, VectorApi.available());
    }

    /**
     * @param vectorized whether single-precision binary parameters take {@link VectorizedAdam} (only where
     *     {@link VectorApi#available()}); the results are the same either way
     */
    AdamOptimizer(double beta1, double beta2, double epsilon, boolean vectorized) {
        if (vectorized && !VectorApi.available()) {
            throw new IllegalStateException("the Vector API path needs --add-modules " + VectorApi.MODULE
                    + " and a CPU with 512-bit vectors");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.vectorized = vectorized;
    }

    @Override
    public void update(List<Parameter> parameters, double learningRate) {
        steps++;
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        for (Parameter p : parameters) {
            if (SinglePrecisionChunks.applies(p)) {
                AdamStep step = new AdamStep((float) beta1, (float) beta2, (float) epsilon,
                        (float) stepSize, (float) p.learningRateScale(), (float) p.h());
                long binarizationStream = p.reserveBinarizationDraws();
                NativeArrays arrays = vectorized && p.isBinary() ? NativeArrays.of(p) : null;
                Parallel.split(SinglePrecisionChunks.length(p), (start, end) -> {
                    int scalarFrom = start;
                    if (arrays != null) {
                        scalarFrom = end - (end - start) % VectorizedAdam.LANES;
                        VectorizedAdam.update(arrays.value(), arrays.gradient(), arrays.firstMoment(),
                                arrays.secondMoment(), arrays.binary(), start, scalarFrom, step,
                                p.binarizationAfterUpdate(), binarizationStream);
                    }
                    if (scalarFrom < end) {
                        updateSinglePrecision(new SinglePrecisionChunks(p, scalarFrom, end, binarizationStream), step);
                        if (arrays != null) {
                            for (int i = scalarFrom; i < end; i++) {
                                arrays.gradient().putFloat(i * Float.BYTES, 0f);
                            }
                        }
                    }
                });
                if (arrays != null) {
                    p.gradientZeroed();
                }
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
    private static void updateSinglePrecision(SinglePrecisionChunks chunks, AdamStep step) {
        float b1 = step.beta1();
        float b2 = step.beta2();
        float eps = step.epsilon();
        float stepSize = step.stepSize();
        float scale = step.learningRateScale();
        float h = step.h();
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

    /**
     * A binary parameter's native arrays as byte buffers (the Vector API of JDK 17 reads and writes those), or null
     * when one cannot be wrapped whole.
     */
    private record NativeArrays(ByteBuffer value, ByteBuffer gradient, ByteBuffer firstMoment,
            ByteBuffer secondMoment, ByteBuffer binary) {

        static NativeArrays of(Parameter p) {
            NativeArrays arrays = new NativeArrays(Buf.floatBytes(p.value()), Buf.floatBytes(p.gradient()),
                    Buf.floatBytes(p.firstMoment()), Buf.floatBytes(p.secondMoment()),
                    Buf.floatBytes(p.propagated()));
            boolean whole = arrays.value() != null && arrays.gradient() != null && arrays.firstMoment() != null
                    && arrays.secondMoment() != null && arrays.binary() != null;
            return whole ? arrays : null;
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
