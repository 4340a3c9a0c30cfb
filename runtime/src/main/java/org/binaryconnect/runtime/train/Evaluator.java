package org.binaryconnect.runtime.train;

import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.nn.LossKernels;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures a network's accuracy on samples, batch by batch through its fixed-size buffers. A last, partial batch
 * fills only the first rows of the input and reads only those rows of the scores: at inference BatchNorm uses
 * running statistics, so rows do not affect each other and the stale rows below are harmless.
 */
public final class Evaluator {

    private final TrainableNetwork network;
    private final BatchFiller batch;
    private final int classes;

    public Evaluator(TrainableNetwork network) {
        this.network = network;
        this.batch = new BatchFiller(network);
        this.classes = network.description().classes();
    }

    /** Accuracy with the evaluation weights the network declares ({@code description().evaluation()}). */
    public double accuracy(Samples samples) {
        NetworkDescription description = network.description();
        return accuracy(samples, description.evaluation(), description.evaluationSamples());
    }

    /**
     * Whether the accuracy with the declared evaluation weights can differ from the accuracy with deterministic
     * binary weights, the signs that export packs: true for {@code REAL} and {@code SAMPLED_AVERAGE} evaluation of a
     * network with binary layers. Where it is false, {@link #accuracy(Samples)} is already the binary accuracy.
     */
    public boolean binaryAccuracyApart() {
        NetworkDescription description = network.description();
        return description.evaluation() != EvaluationWeights.BINARY
                && description.layers().stream().anyMatch(LayerDescription::binary);
    }

    /**
     * Accuracy with deterministic binary weights, what the exported model scores. It draws no random numbers
     * ({@code BINARY} takes the signs), so measuring it between epochs leaves the training of a stochastic network
     * as it was: the next training step binarizes afresh after any evaluation.
     */
    public double binaryAccuracy(Samples samples) {
        return accuracy(samples, EvaluationWeights.BINARY, 1);
    }

    /**
     * The predictions on {@code samples} against their labels, with the evaluation weights the network declares: the
     * same passes as {@link #accuracy(Samples)}, so {@code confusionMatrix(test).accuracy()} can stand for it where a
     * report needs the matrix as well (one evaluation, and the same sampled networks for both).
     */
    public ConfusionMatrix confusionMatrix(Samples samples) {
        NetworkDescription description = network.description();
        int[] predicted = predictions(samples, description.evaluation(), description.evaluationSamples());
        int[] labels = new int[samples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = samples.label(i);
        }
        return ConfusionMatrix.of(classes, labels, predicted);
    }

    /**
     * The fraction of {@code samples} whose highest score is their label, in [0, 1] (NaN for no samples).
     *
     * @param weights {@code BINARY} or {@code REAL}: one pass; {@code SAMPLED_AVERAGE}: {@code sampledNetworks}
     *     passes, each with a freshly sampled binary network, scores summed per sample before the argmax
     * @param sampledNetworks passes for {@code SAMPLED_AVERAGE}; ignored otherwise
     */
    public double accuracy(Samples samples, EvaluationWeights weights, int sampledNetworks) {
        int[] predicted = predictions(samples, weights, sampledNetworks);
        if (predicted.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == samples.label(i)) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    /**
     * The class each of {@code samples} is predicted to be: its highest score, with the same weights and passes as
     * {@link #accuracy(Samples, EvaluationWeights, int)}, for reports that need more than the accuracy.
     */
    public int[] predictions(Samples samples, EvaluationWeights weights, int sampledNetworks) {
        return outcome(samples, weights, sampledNetworks).predicted();
    }

    /**
     * What a pass over {@code samples} gives: each sample's predicted class and the network's own loss (squared
     * hinge or softmax cross-entropy, as declared) of the scores, averaged over the samples (NaN for none).
     */
    public record Outcome(int[] predicted, double loss) {
    }

    /** {@link #predictions} and the mean loss of the same scores (summed over sampled networks, then averaged). */
    public Outcome outcome(Samples samples, EvaluationWeights weights, int sampledNetworks) {
        if (weights == EvaluationWeights.AUTO) {
            throw new IllegalArgumentException("AUTO is resolved by the processor; evaluate with BINARY, REAL or "
                    + "SAMPLED_AVERAGE");
        }
        int passes = weights == EvaluationWeights.SAMPLED_AVERAGE ? sampledNetworks : 1;
        if (passes < 1) {
            throw new IllegalArgumentException("SAMPLED_AVERAGE needs at least one sampled network, got "
                    + sampledNetworks);
        }
        int n = samples.size();
        if (n == 0) {
            return new Outcome(new int[0], Double.NaN);
        }
        double[] scoreSums = new double[n * classes];
        for (int pass = 0; pass < passes; pass++) {
            network.prepareEvaluation(weights);
            addScores(samples, scoreSums);
        }
        int[] predicted = new int[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = argmax(scoreSums, i * classes);
            labels[i] = samples.label(i);
        }
        double[] meanScores = scoreSums.clone();
        for (int k = 0; k < meanScores.length; k++) {
            meanScores[k] /= passes;
        }
        INDArray scores = Nd4j.createFromArray(meanScores).reshape(n, classes);
        double loss = network.description().loss() == Loss.SQUARED_HINGE
                ? LossKernels.squaredHinge(scores, labels, null)
                : LossKernels.softmaxCrossEntropy(scores, labels, null);
        return new Outcome(predicted, loss);
    }

    /**
     * The scores of one pass over {@code samples} with {@code weights} ({@code BINARY} or {@code REAL}), sample-major
     * ({@code classes} per sample): what {@link #predictions} takes the argmax of, for a check that must tell a tie
     * from a difference.
     */
    public double[] scores(Samples samples, EvaluationWeights weights) {
        if (weights == EvaluationWeights.AUTO || weights == EvaluationWeights.SAMPLED_AVERAGE) {
            throw new IllegalArgumentException("scores are of one pass: BINARY or REAL, got " + weights);
        }
        double[] scores = new double[samples.size() * classes];
        network.prepareEvaluation(weights);
        addScores(samples, scores);
        return scores;
    }

    /** The predicted class of one sample of {@link #scores}: the first with the highest score, as here. */
    public int argmaxOf(double[] scores, int sample) {
        return argmax(scores, sample * classes);
    }

    private void addScores(Samples samples, double[] scoreSums) {
        int batchSize = batch.batchSize();
        for (int first = 0; first < samples.size(); first += batchSize) {
            int rows = Math.min(batchSize, samples.size() - first);
            batch.fill(samples, first, rows);
            Buf scores = Buf.of(contiguous(network.predict()));
            int base = first * classes;
            for (int k = 0, m = rows * classes; k < m; k++) {
                scoreSums[base + k] += scores.get(k);
            }
        }
    }

    private static INDArray contiguous(INDArray array) {
        boolean dense = array.ordering() == 'c' && (array.length() <= 1 || array.elementWiseStride() == 1);
        return dense ? array : array.dup('c');
    }

    /** The first class with the highest score; NaN scores never win. */
    private int argmax(double[] scores, int offset) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            if (scores[offset + c] > bestScore) {
                bestScore = scores[offset + c];
                best = c;
            }
        }
        return best;
    }
}
