package org.binaryconnect.runtime.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalization over the rows of a {@code [batch, units]} array, with the semantics of the authors'
 * batch_norm.py: the standard deviation is the biased one, epsilon is added to it (not to the variance), and
 * the running statistics are exponential moving averages of the batch mean and standard deviation.
 */
public final class BatchNormKernels {

    private BatchNormKernels() {
    }

    /**
     * Training forward pass on batch statistics: {@code xhat = (z - mean) / (std + eps)},
     * {@code out = gamma * xhat + beta}. Writes the batch mean and std (without eps) for the backward pass and
     * the running averages. {@code out} may be the same array as {@code z}.
     */
    public static void forwardTraining(INDArray z, INDArray gamma, INDArray beta, INDArray batchMean,
            INDArray batchStd, INDArray xhat, INDArray out, double epsilon) {
        if (Buf.singlePrecision(z, gamma, beta, batchMean, batchStd, xhat, out)) {
            forwardTrainingSingle(z, gamma, beta, batchMean, batchStd, xhat, out, (float) epsilon);
            return;
        }
        Buf in = Buf.of(z);
        double[] values = in.loadAll(0);
        double[] g = Buf.of(gamma).loadAll(1);
        double[] b = Buf.of(beta).loadAll(2);
        int units = Buf.of(batchMean).length();
        int rows = in.length() / units;
        double[] mean = Scratch.doubles(3, units);
        double[] std = Scratch.doubles(4, units);
        Arrays.fill(mean, 0, units, 0);
        Arrays.fill(std, 0, units, 0);
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                mean[j] += values[base + j];
            }
        }
        for (int j = 0; j < units; j++) {
            mean[j] /= rows;
        }
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                double d = values[base + j] - mean[j];
                std[j] += d * d;
            }
        }
        double[] scale = Scratch.doubles(5, units);
        for (int j = 0; j < units; j++) {
            std[j] = Math.sqrt(std[j] / rows);
            scale[j] = 1 / (std[j] + epsilon);
        }
        double[] normalized = Scratch.doubles(6, in.length());
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                double x = (values[base + j] - mean[j]) * scale[j];
                normalized[base + j] = x;
                values[base + j] = g[j] * x + b[j];
            }
        }
        Buf.of(batchMean).store(0, mean, units);
        Buf.of(batchStd).store(0, std, units);
        Buf.of(xhat).store(0, normalized, in.length());
        Buf.of(out).storeAll(values);
    }

    private static void forwardTrainingSingle(INDArray z, INDArray gamma, INDArray beta, INDArray batchMean,
            INDArray batchStd, INDArray xhat, INDArray out, float epsilon) {
        float[] values = Buf.loadFloats(z, 0);
        float[] g = Buf.loadFloats(gamma, 1);
        float[] b = Buf.loadFloats(beta, 2);
        int units = (int) gamma.length();
        int length = (int) z.length();
        float[] mean = Scratch.floats(3, units);
        float[] std = Scratch.floats(4, units);
        float[] scale = Scratch.floats(5, units);
        float[] normalized = Scratch.floats(6, length);
        // Every unit's statistics are its own column's: the two threads take half of the columns each, and each
        // column is summed over the rows in the same order as on one thread.
        Parallel.split(units, COLUMN_GRANULE, length, (from, to) -> forwardTrainingColumns(values, g, b, mean, std,
                scale, normalized, units, length, epsilon, from, to));
        Buf.storeFloats(batchMean, mean);
        Buf.storeFloats(batchStd, std);
        Buf.storeFloats(xhat, normalized);
        Buf.storeFloats(out, values);
    }

    /** Columns split between threads start at multiples of this many units (one vector of floats or more). */
    private static final int COLUMN_GRANULE = 16;

    private static void forwardTrainingColumns(float[] values, float[] g, float[] b, float[] mean, float[] std,
            float[] scale, float[] normalized, int units, int length, float epsilon, int from, int to) {
        int rows = length / units;
        Arrays.fill(mean, from, to, 0f);
        Arrays.fill(std, from, to, 0f);
        for (int base = 0; base < length; base += units) {
            for (int j = from; j < to; j++) {
                mean[j] += values[base + j];
            }
        }
        for (int j = from; j < to; j++) {
            mean[j] /= rows;
        }
        for (int base = 0; base < length; base += units) {
            for (int j = from; j < to; j++) {
                float d = values[base + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = from; j < to; j++) {
            std[j] = (float) Math.sqrt(std[j] / rows);
            scale[j] = 1 / (std[j] + epsilon);
        }
        for (int base = 0; base < length; base += units) {
            for (int j = from; j < to; j++) {
                float x = (values[base + j] - mean[j]) * scale[j];
                normalized[base + j] = x;
                values[base + j] = g[j] * x + b[j];
            }
        }
    }

    /** {@code running = (1 - alpha) * running + alpha * batch}, for the mean and the std. */
    public static void updateRunningStatistics(INDArray runningMean, INDArray runningStd, INDArray batchMean,
            INDArray batchStd, double alpha) {
        movingAverage(Buf.of(runningMean), Buf.of(batchMean), alpha);
        movingAverage(Buf.of(runningStd), Buf.of(batchStd), alpha);
    }

    private static void movingAverage(Buf running, Buf batch, double alpha) {
        double[] r = running.loadAll(0);
        double[] b = batch.loadAll(1);
        for (int j = 0, units = running.length(); j < units; j++) {
            r[j] = (1 - alpha) * r[j] + alpha * b[j];
        }
        running.storeAll(r);
    }

    /** Inference on the running statistics; {@code out} may be {@code z}. */
    public static void forwardInference(INDArray z, INDArray gamma, INDArray beta, INDArray runningMean,
            INDArray runningStd, INDArray out, double epsilon) {
        Buf in = Buf.of(z);
        double[] values = in.loadAll(0);
        double[] g = Buf.of(gamma).loadAll(1);
        double[] b = Buf.of(beta).loadAll(2);
        double[] rm = Buf.of(runningMean).loadAll(3);
        double[] rs = Buf.of(runningStd).loadAll(4);
        int units = Buf.of(gamma).length();
        double[] scale = Scratch.doubles(5, units);
        double[] shift = Scratch.doubles(6, units);
        for (int j = 0; j < units; j++) {
            scale[j] = g[j] / (rs[j] + epsilon);
            shift[j] = b[j] - rm[j] * scale[j];
        }
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                values[base + j] = values[base + j] * scale[j] + shift[j];
            }
        }
        Buf.of(out).storeAll(values);
    }

    /**
     * Backward pass. {@code delta} holds dL/dout on entry and dL/dz on return (in place). With
     * {@code s = std + eps}: {@code dbeta = sum(dy)}, {@code dgamma = sum(dy * xhat)} and
     * {@code dz = gamma * (dy - dbeta / n) / s - gamma * dgamma * xhat / (n * std)}, the last term being the
     * path through the batch std (zero where the std is zero, since xhat is zero there too).
     */
    public static void backward(INDArray delta, INDArray xhat, INDArray batchStd, INDArray gamma,
            INDArray gammaGradient, INDArray betaGradient, double epsilon) {
        if (Buf.singlePrecision(delta, xhat, batchStd, gamma, gammaGradient, betaGradient)) {
            backwardSingle(delta, xhat, batchStd, gamma, gammaGradient, betaGradient, (float) epsilon);
            return;
        }
        Buf d = Buf.of(delta);
        double[] deltas = d.loadAll(0);
        double[] normalized = Buf.of(xhat).loadAll(1);
        double[] std = Buf.of(batchStd).loadAll(2);
        double[] g = Buf.of(gamma).loadAll(3);
        int units = Buf.of(gamma).length();
        int rows = d.length() / units;
        double[] dg = Scratch.doubles(4, units);
        double[] db = Scratch.doubles(5, units);
        Arrays.fill(dg, 0, units, 0);
        Arrays.fill(db, 0, units, 0);
        for (int base = 0; base < d.length(); base += units) {
            for (int j = 0; j < units; j++) {
                double dy = deltas[base + j];
                db[j] += dy;
                dg[j] += dy * normalized[base + j];
            }
        }
        double[] centeredScale = Scratch.doubles(6, units);
        double[] stdScale = Scratch.doubles(7, units);
        for (int j = 0; j < units; j++) {
            centeredScale[j] = g[j] / (std[j] + epsilon);
            stdScale[j] = std[j] > 0 ? g[j] * dg[j] / (rows * std[j]) : 0;
        }
        for (int base = 0; base < d.length(); base += units) {
            for (int j = 0; j < units; j++) {
                deltas[base + j] = centeredScale[j] * (deltas[base + j] - db[j] / rows)
                        - stdScale[j] * normalized[base + j];
            }
        }
        d.storeAll(deltas);
        Buf.of(gammaGradient).store(0, dg, units);
        Buf.of(betaGradient).store(0, db, units);
    }

    private static void backwardSingle(INDArray delta, INDArray xhat, INDArray batchStd, INDArray gamma,
            INDArray gammaGradient, INDArray betaGradient, float epsilon) {
        float[] deltas = Buf.loadFloats(delta, 0);
        float[] normalized = Buf.loadFloats(xhat, 1);
        float[] std = Buf.loadFloats(batchStd, 2);
        float[] g = Buf.loadFloats(gamma, 3);
        int units = (int) gamma.length();
        int length = (int) delta.length();
        float[] dg = Scratch.floats(4, units);
        float[] db = Scratch.floats(5, units);
        float[] centeredScale = Scratch.floats(6, units);
        float[] stdScale = Scratch.floats(7, units);
        // per column, as in the forward pass
        Parallel.split(units, COLUMN_GRANULE, length, (from, to) -> backwardColumns(deltas, normalized, std, g, dg,
                db, centeredScale, stdScale, units, length, epsilon, from, to));
        Buf.storeFloats(delta, deltas);
        Buf.storeFloats(gammaGradient, dg);
        Buf.storeFloats(betaGradient, db);
    }

    private static void backwardColumns(float[] deltas, float[] normalized, float[] std, float[] g, float[] dg,
            float[] db, float[] centeredScale, float[] stdScale, int units, int length, float epsilon, int from,
            int to) {
        int rows = length / units;
        Arrays.fill(dg, from, to, 0f);
        Arrays.fill(db, from, to, 0f);
        for (int base = 0; base < length; base += units) {
            for (int j = from; j < to; j++) {
                float dy = deltas[base + j];
                db[j] += dy;
                dg[j] += dy * normalized[base + j];
            }
        }
        for (int j = from; j < to; j++) {
            centeredScale[j] = g[j] / (std[j] + epsilon);
            stdScale[j] = std[j] > 0 ? g[j] * dg[j] / (rows * std[j]) : 0;
            db[j] /= rows;
        }
        for (int base = 0; base < length; base += units) {
            for (int j = from; j < to; j++) {
                deltas[base + j] = centeredScale[j] * (deltas[base + j] - db[j]) - stdScale[j] * normalized[base + j];
            }
        }
        for (int j = from; j < to; j++) {
            db[j] *= rows;
        }
    }
}
