package org.binaryconnect.runtime.nn;

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
     * {@code out = gamma * xhat + beta}. Writes the batch mean and std (without eps) for the backward pass
     * and the running averages. {@code out} may be the same array as {@code z}.
     */
    public static void forwardTraining(INDArray z, INDArray gamma, INDArray beta, INDArray batchMean,
            INDArray batchStd, INDArray xhat, INDArray out, double epsilon) {
        Buf in = Buf.of(z);
        Buf mean = Buf.of(batchMean);
        Buf std = Buf.of(batchStd);
        int units = mean.length();
        int rows = in.length() / units;
        for (int j = 0; j < units; j++) {
            mean.set(j, 0);
            std.set(j, 0);
        }
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                mean.set(j, mean.get(j) + in.get(base + j));
            }
        }
        for (int j = 0; j < units; j++) {
            mean.set(j, mean.get(j) / rows);
        }
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                double d = in.get(base + j) - mean.get(j);
                std.set(j, std.get(j) + d * d);
            }
        }
        for (int j = 0; j < units; j++) {
            std.set(j, Math.sqrt(std.get(j) / rows));
        }
        Buf g = Buf.of(gamma);
        Buf b = Buf.of(beta);
        Buf xh = Buf.of(xhat);
        Buf o = Buf.of(out);
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                double normalized = (in.get(base + j) - mean.get(j)) / (std.get(j) + epsilon);
                xh.set(base + j, normalized);
                o.set(base + j, g.get(j) * normalized + b.get(j));
            }
        }
    }

    /** {@code running = (1 - alpha) * running + alpha * batch}, for the mean and the std. */
    public static void updateRunningStatistics(INDArray runningMean, INDArray runningStd, INDArray batchMean,
            INDArray batchStd, double alpha) {
        Buf rm = Buf.of(runningMean);
        Buf rs = Buf.of(runningStd);
        Buf bm = Buf.of(batchMean);
        Buf bs = Buf.of(batchStd);
        for (int j = 0, units = rm.length(); j < units; j++) {
            rm.set(j, (1 - alpha) * rm.get(j) + alpha * bm.get(j));
            rs.set(j, (1 - alpha) * rs.get(j) + alpha * bs.get(j));
        }
    }

    /** Inference on the running statistics; {@code out} may be {@code z}. */
    public static void forwardInference(INDArray z, INDArray gamma, INDArray beta, INDArray runningMean,
            INDArray runningStd, INDArray out, double epsilon) {
        Buf in = Buf.of(z);
        Buf g = Buf.of(gamma);
        Buf b = Buf.of(beta);
        Buf rm = Buf.of(runningMean);
        Buf rs = Buf.of(runningStd);
        Buf o = Buf.of(out);
        int units = g.length();
        for (int base = 0; base < in.length(); base += units) {
            for (int j = 0; j < units; j++) {
                o.set(base + j, g.get(j) * (in.get(base + j) - rm.get(j)) / (rs.get(j) + epsilon) + b.get(j));
            }
        }
    }

    /**
     * Backward pass. {@code delta} holds dL/dout on entry and dL/dz on return (in place). With
     * {@code s = std + eps}: {@code dbeta = sum(dy)}, {@code dgamma = sum(dy * xhat)} and
     * {@code dz = gamma * (dy - dbeta / n) / s - gamma * dgamma * xhat / (n * std)}, the last term being the
     * path through the batch std (zero where the std is zero, since xhat is zero there too).
     */
    public static void backward(INDArray delta, INDArray xhat, INDArray batchStd, INDArray gamma,
            INDArray gammaGradient, INDArray betaGradient, double epsilon) {
        Buf d = Buf.of(delta);
        Buf xh = Buf.of(xhat);
        Buf std = Buf.of(batchStd);
        Buf g = Buf.of(gamma);
        Buf dg = Buf.of(gammaGradient);
        Buf db = Buf.of(betaGradient);
        int units = g.length();
        int rows = d.length() / units;
        for (int j = 0; j < units; j++) {
            dg.set(j, 0);
            db.set(j, 0);
        }
        for (int base = 0; base < d.length(); base += units) {
            for (int j = 0; j < units; j++) {
                double dy = d.get(base + j);
                db.set(j, db.get(j) + dy);
                dg.set(j, dg.get(j) + dy * xh.get(base + j));
            }
        }
        for (int base = 0; base < d.length(); base += units) {
            for (int j = 0; j < units; j++) {
                double sigma = std.get(j);
                double gammaJ = g.get(j);
                double centered = gammaJ * (d.get(base + j) - db.get(j) / rows) / (sigma + epsilon);
                double throughStd = sigma > 0 ? gammaJ * dg.get(j) * xh.get(base + j) / (rows * sigma) : 0;
                d.set(base + j, centered - throughStd);
            }
        }
    }
}
