package org.binaryconnect.runtime.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalization of convolution outputs, one mean and std per channel over the batch and every spatial
 * position, on {@code [batch, channels * plane]} arrays laid out channel-major per sample. The semantics are those
 * of {@link BatchNormKernels} (the authors' batch_norm.py with its {@code axes = (0, 2, 3)} for conv layers):
 * biased std, epsilon added to the std; the running statistics use
 * {@link BatchNormKernels#updateRunningStatistics}. Every pass streams one sample at a time through heap scratch,
 * so scratch stays the size of one sample however large the batch.
 */
public final class ChannelBatchNormKernels {

    private ChannelBatchNormKernels() {
    }

    /**
     * Training forward pass: {@code xhat = (z - mean_c) / (std_c + eps)}, {@code out = gamma_c * xhat + beta_c}.
     * {@code out} may be {@code z}.
     */
    public static void forwardTraining(INDArray z, INDArray gamma, INDArray beta, INDArray batchMean,
            INDArray batchStd, INDArray xhat, INDArray out, double epsilon) {
        if (Buf.singlePrecision(z, gamma, beta, batchMean, batchStd, xhat, out)) {
            forwardTrainingSingle(z, gamma, beta, batchMean, batchStd, xhat, out, epsilon);
            return;
        }
        int channels = (int) gamma.length();
        int sample = Math.toIntExact(z.length() / z.size(0));
        int plane = sample / channels;
        int batch = (int) z.size(0);
        double count = (double) batch * plane;
        Buf in = Buf.of(z);
        double[] g = Buf.of(gamma).loadAll(2);
        double[] b = Buf.of(beta).loadAll(3);
        double[] mean = Scratch.doubles(4, channels);
        double[] std = Scratch.doubles(5, channels);
        Arrays.fill(mean, 0, channels, 0);
        Arrays.fill(std, 0, channels, 0);
        double[] values = Scratch.doubles(0, sample);
        for (int n = 0; n < batch; n++) {
            in.load(n * sample, values, sample);
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    sum += values[p];
                }
                mean[c] += sum;
            }
        }
        for (int c = 0; c < channels; c++) {
            mean[c] /= count;
        }
        for (int n = 0; n < batch; n++) {
            in.load(n * sample, values, sample);
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                double m = mean[c];
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    double d = values[p] - m;
                    sum += d * d;
                }
                std[c] += sum;
            }
        }
        double[] scale = Scratch.doubles(6, channels);
        for (int c = 0; c < channels; c++) {
            std[c] = Math.sqrt(std[c] / count);
            scale[c] = 1 / (std[c] + epsilon);
        }
        Buf normalizedOut = Buf.of(xhat);
        Buf result = Buf.of(out);
        double[] normalized = Scratch.doubles(1, sample);
        for (int n = 0; n < batch; n++) {
            in.load(n * sample, values, sample);
            for (int c = 0; c < channels; c++) {
                double m = mean[c];
                double k = scale[c];
                double gc = g[c];
                double bc = b[c];
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    double x = (values[p] - m) * k;
                    normalized[p] = x;
                    values[p] = gc * x + bc;
                }
            }
            normalizedOut.store(n * sample, normalized, sample);
            result.store(n * sample, values, sample);
        }
        Buf.of(batchMean).store(0, mean, channels);
        Buf.of(batchStd).store(0, std, channels);
    }

    /** Inference on the running statistics; {@code out} may be {@code z}. */
    public static void forwardInference(INDArray z, INDArray gamma, INDArray beta, INDArray runningMean,
            INDArray runningStd, INDArray out, double epsilon) {
        int channels = (int) gamma.length();
        int sample = Math.toIntExact(z.length() / z.size(0));
        int plane = sample / channels;
        double[] g = Buf.of(gamma).loadAll(2);
        double[] b = Buf.of(beta).loadAll(3);
        double[] rm = Buf.of(runningMean).loadAll(4);
        double[] rs = Buf.of(runningStd).loadAll(5);
        double[] scale = Scratch.doubles(6, channels);
        double[] shift = Scratch.doubles(7, channels);
        for (int c = 0; c < channels; c++) {
            scale[c] = g[c] / (rs[c] + epsilon);
            shift[c] = b[c] - rm[c] * scale[c];
        }
        Buf in = Buf.of(z);
        Buf result = Buf.of(out);
        double[] values = Scratch.doubles(0, sample);
        for (int n = 0, batch = (int) z.size(0); n < batch; n++) {
            in.load(n * sample, values, sample);
            for (int c = 0; c < channels; c++) {
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    values[p] = values[p] * scale[c] + shift[c];
                }
            }
            result.store(n * sample, values, sample);
        }
    }

    /**
     * Backward pass; {@code delta} holds dL/dout on entry and dL/dz on return. The formulas are
     * {@link BatchNormKernels#backward}'s with {@code n = batch * plane} values per channel.
     */
    public static void backward(INDArray delta, INDArray xhat, INDArray batchStd, INDArray gamma,
            INDArray gammaGradient, INDArray betaGradient, double epsilon) {
        if (Buf.singlePrecision(delta, xhat, batchStd, gamma, gammaGradient, betaGradient)) {
            backwardSingle(delta, xhat, batchStd, gamma, gammaGradient, betaGradient, epsilon);
            return;
        }
        int channels = (int) gamma.length();
        int batch = (int) delta.size(0);
        int sample = Math.toIntExact(delta.length() / batch);
        int plane = sample / channels;
        double count = (double) batch * plane;
        Buf d = Buf.of(delta);
        Buf normalizedIn = Buf.of(xhat);
        double[] std = Buf.of(batchStd).loadAll(2);
        double[] g = Buf.of(gamma).loadAll(3);
        double[] dg = Scratch.doubles(4, channels);
        double[] db = Scratch.doubles(5, channels);
        Arrays.fill(dg, 0, channels, 0);
        Arrays.fill(db, 0, channels, 0);
        double[] deltas = Scratch.doubles(0, sample);
        double[] normalized = Scratch.doubles(1, sample);
        for (int n = 0; n < batch; n++) {
            d.load(n * sample, deltas, sample);
            normalizedIn.load(n * sample, normalized, sample);
            for (int c = 0; c < channels; c++) {
                double sumDy = 0;
                double sumDyX = 0;
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    sumDy += deltas[p];
                    sumDyX += deltas[p] * normalized[p];
                }
                db[c] += sumDy;
                dg[c] += sumDyX;
            }
        }
        double[] centeredScale = Scratch.doubles(6, channels);
        double[] stdScale = Scratch.doubles(7, channels);
        for (int c = 0; c < channels; c++) {
            centeredScale[c] = g[c] / (std[c] + epsilon);
            stdScale[c] = std[c] > 0 ? g[c] * dg[c] / (count * std[c]) : 0;
        }
        for (int n = 0; n < batch; n++) {
            d.load(n * sample, deltas, sample);
            normalizedIn.load(n * sample, normalized, sample);
            for (int c = 0; c < channels; c++) {
                double meanDy = db[c] / count;
                double k = centeredScale[c];
                double q = stdScale[c];
                for (int p = c * plane, end = p + plane; p < end; p++) {
                    deltas[p] = k * (deltas[p] - meanDy) - q * normalized[p];
                }
            }
            d.store(n * sample, deltas, sample);
        }
        Buf.of(gammaGradient).store(0, dg, channels);
        Buf.of(betaGradient).store(0, db, channels);
    }

    /**
     * The single-precision forward pass: float loops over float scratch (no widening to double and back), with the
     * per-channel sums of each sample accumulated in float and added into double totals.
     */
    private static void forwardTrainingSingle(INDArray z, INDArray gamma, INDArray beta, INDArray batchMean,
            INDArray batchStd, INDArray xhat, INDArray out, double epsilon) {
        int channels = (int) gamma.length();
        int batch = (int) z.size(0);
        int sample = Math.toIntExact(z.length() / batch);
        int plane = sample / channels;
        double count = (double) batch * plane;
        Buf.F32 in = (Buf.F32) Buf.of(z);
        float[] g = Buf.loadFloats(gamma, 2);
        float[] b = Buf.loadFloats(beta, 3);
        double[] mean = Scratch.doubles(4, channels);
        double[] std = Scratch.doubles(5, channels);
        Arrays.fill(mean, 0, channels, 0);
        Arrays.fill(std, 0, channels, 0);
        // Both cores take half the channels each; every channel's sums run over the samples in order on one
        // thread, so the statistics are the same on any number of threads.
        Parallel.split(channels, 1, (long) batch * sample, (first, end) -> {
            int width = (end - first) * plane;
            float[] values = Scratch.floats(0, width);
            for (int n = 0; n < batch; n++) {
                in.loadFloats(n * sample + first * plane, values, width);
                for (int c = first; c < end; c++) {
                    float sum = 0;
                    for (int p = (c - first) * plane, stop = p + plane; p < stop; p++) {
                        sum += values[p];
                    }
                    mean[c] += sum;
                }
            }
            for (int c = first; c < end; c++) {
                mean[c] /= count;
            }
            for (int n = 0; n < batch; n++) {
                in.loadFloats(n * sample + first * plane, values, width);
                for (int c = first; c < end; c++) {
                    float sum = 0;
                    float m = (float) mean[c];
                    for (int p = (c - first) * plane, stop = p + plane; p < stop; p++) {
                        float d = values[p] - m;
                        sum += d * d;
                    }
                    std[c] += sum;
                }
            }
        });
        float[] scale = Scratch.floats(4, channels);
        float[] shift = Scratch.floats(5, channels);
        float[] normalizedShift = Scratch.floats(6, channels);
        for (int c = 0; c < channels; c++) {
            std[c] = Math.sqrt(std[c] / count);
            double k = 1 / (std[c] + epsilon);
            scale[c] = (float) k;
            normalizedShift[c] = (float) (-mean[c] * k);
            shift[c] = b[c];
        }
        Buf.F32 normalizedOut = (Buf.F32) Buf.of(xhat);
        Buf.F32 result = (Buf.F32) Buf.of(out);
        Parallel.split(batch, 1, (long) batch * sample, (from, to) -> {
            float[] values = Scratch.floats(0, sample);
            float[] normalized = Scratch.floats(1, sample);
            for (int n = from; n < to; n++) {
                in.loadFloats(n * sample, values, sample);
                for (int c = 0; c < channels; c++) {
                    float k = scale[c];
                    float q = normalizedShift[c];
                    float gc = g[c];
                    float bc = shift[c];
                    for (int p = c * plane, end = p + plane; p < end; p++) {
                        float x = values[p] * k + q;
                        normalized[p] = x;
                        values[p] = gc * x + bc;
                    }
                }
                normalizedOut.storeFloats(n * sample, normalized, sample);
                result.storeFloats(n * sample, values, sample);
            }
        });
        Buf.of(batchMean).store(0, mean, channels);
        Buf.of(batchStd).store(0, std, channels);
    }

    /** The single-precision backward pass, in float loops as {@link #forwardTrainingSingle}. */
    private static void backwardSingle(INDArray delta, INDArray xhat, INDArray batchStd, INDArray gamma,
            INDArray gammaGradient, INDArray betaGradient, double epsilon) {
        int channels = (int) gamma.length();
        int batch = (int) delta.size(0);
        int sample = Math.toIntExact(delta.length() / batch);
        int plane = sample / channels;
        double count = (double) batch * plane;
        Buf.F32 d = (Buf.F32) Buf.of(delta);
        Buf.F32 normalizedIn = (Buf.F32) Buf.of(xhat);
        float[] std = Buf.loadFloats(batchStd, 2);
        float[] g = Buf.loadFloats(gamma, 3);
        double[] dg = Scratch.doubles(4, channels);
        double[] db = Scratch.doubles(5, channels);
        Arrays.fill(dg, 0, channels, 0);
        Arrays.fill(db, 0, channels, 0);
        // As in the forward pass: half the channels each, every channel's sums in sample order on one thread.
        Parallel.split(channels, 1, (long) batch * sample, (first, end) -> {
            int width = (end - first) * plane;
            float[] deltas = Scratch.floats(0, width);
            float[] normalized = Scratch.floats(1, width);
            for (int n = 0; n < batch; n++) {
                d.loadFloats(n * sample + first * plane, deltas, width);
                normalizedIn.loadFloats(n * sample + first * plane, normalized, width);
                for (int c = first; c < end; c++) {
                    float sumDy = 0;
                    float sumDyX = 0;
                    for (int p = (c - first) * plane, stop = p + plane; p < stop; p++) {
                        sumDy += deltas[p];
                        sumDyX += deltas[p] * normalized[p];
                    }
                    db[c] += sumDy;
                    dg[c] += sumDyX;
                }
            }
        });
        float[] centeredScale = Scratch.floats(4, channels);
        float[] stdScale = Scratch.floats(5, channels);
        float[] meanDy = Scratch.floats(6, channels);
        for (int c = 0; c < channels; c++) {
            centeredScale[c] = (float) (g[c] / (std[c] + epsilon));
            stdScale[c] = std[c] > 0 ? (float) (g[c] * dg[c] / (count * std[c])) : 0;
            meanDy[c] = (float) (db[c] / count);
        }
        Parallel.split(batch, 1, (long) batch * sample, (from, to) -> {
            float[] deltas = Scratch.floats(0, sample);
            float[] normalized = Scratch.floats(1, sample);
            for (int n = from; n < to; n++) {
                d.loadFloats(n * sample, deltas, sample);
                normalizedIn.loadFloats(n * sample, normalized, sample);
                for (int c = 0; c < channels; c++) {
                    float k = centeredScale[c];
                    float q = stdScale[c];
                    float m = meanDy[c];
                    for (int p = c * plane, end = p + plane; p < end; p++) {
                        deltas[p] = k * (deltas[p] - m) - q * normalized[p];
                    }
                }
                d.storeFloats(n * sample, deltas, sample);
            }
        });
        Buf.of(gammaGradient).store(0, dg, channels);
        Buf.of(betaGradient).store(0, db, channels);
    }
}
