package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The two training losses over a {@code [batch, classes]} score array and integer labels. Each returns the
 * loss and, when {@code gradient} is not null, writes dLoss/dScores into it.
 */
public final class LossKernels {

    private LossKernels() {
    }

    /**
     * The authors' L2-SVM loss: {@code mean(max(0, 1 - t * y)^2)} over every score, with targets
     * {@code t = +1} for the label and {@code -1} elsewhere.
     */
    public static double squaredHinge(INDArray scores, int[] labels, INDArray gradient) {
        Buf y = Buf.of(scores);
        Buf g = gradient == null ? null : Buf.of(gradient);
        int rows = labels.length;
        int classes = y.length() / rows;
        double count = (double) rows * classes;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            for (int c = 0; c < classes; c++) {
                double t = c == labels[r] ? 1 : -1;
                double margin = 1 - t * y.get(base + c);
                double m = margin > 0 ? margin : 0;
                sum += m * m;
                if (g != null) {
                    g.set(base + c, -2 * t * m / count);
                }
            }
        }
        return sum / count;
    }

    /** Softmax then cross-entropy, averaged over the batch; computed stably through log-sum-exp. */
    public static double softmaxCrossEntropy(INDArray scores, int[] labels, INDArray gradient) {
        Buf y = Buf.of(scores);
        Buf g = gradient == null ? null : Buf.of(gradient);
        int rows = labels.length;
        int classes = y.length() / rows;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, y.get(base + c));
            }
            double total = 0;
            for (int c = 0; c < classes; c++) {
                total += Math.exp(y.get(base + c) - max);
            }
            double logSumExp = max + Math.log(total);
            sum += logSumExp - y.get(base + labels[r]);
            if (g != null) {
                for (int c = 0; c < classes; c++) {
                    double softmax = Math.exp(y.get(base + c) - logSumExp);
                    g.set(base + c, (softmax - (c == labels[r] ? 1 : 0)) / rows);
                }
            }
        }
        return sum / rows;
    }
}
