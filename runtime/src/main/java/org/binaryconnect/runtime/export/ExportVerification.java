package org.binaryconnect.runtime.export;

import java.util.Locale;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.train.Evaluator;

/**
 * Checks a packed model against the network it was packed from, on the test samples: the shipped model (through
 * the generated inference class, {@code predict(float[])} on the preprocessed features) must predict every sample
 * as the trained network does with binary weights, the weights that ship.
 *
 * <p>One allowance, and only one: a tie. The packed format rounds each folded scale and shift to f24 (relative
 * 2^-16) and sums in another order than ND4J, so where the trained network's two best scores are equal to within
 * that rounding the two can pick different classes, as the README example's export showed on 1 of 10,000
 * Fashion-MNIST test images. Such a sample counts as a tie when both networks score the two classes within
 * {@link #TIE_TOLERANCE} of the sample's largest score magnitude (at least 1); ties are counted and reported, never
 * hidden, and the shipped accuracy is the shipped model's own. Any other difference fails the export.
 */
final class ExportVerification {

    /** Far above the packed format's rounding, far below what a wrong bit or scale changes. */
    static final double TIE_TOLERANCE = 1e-3;

    private ExportVerification() {
    }

    /**
     * @param network the trained network the model was packed from
     * @param shipped the packed model as the generated inference class reads it
     * @param test the preprocessed test samples
     * @param dataset the dataset's name or path, for the messages
     * @throws ExportException naming the first test sample predicted differently, and how many are
     */
    static Verification verify(TrainableNetwork network, InferenceClass.ShippedModel shipped, Samples test,
            String dataset) {
        NetworkDescription description = network.description();
        int classes = description.classes();
        Evaluator evaluator = new Evaluator(network);
        double[] trainedScores = evaluator.scores(test, EvaluationWeights.BINARY);
        int n = test.size();
        int shippedCorrect = 0;
        int trainedCorrect = 0;
        int differing = 0;
        String firstDifference = null;
        int ties = 0;
        String firstTie = null;
        float[] features = new float[test.features()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features.length; j++) {
                features[j] = test.feature(i, j);
            }
            int predicted = shipped.predict(features);
            int trained = evaluator.argmaxOf(trainedScores, i);
            int label = test.label(i);
            shippedCorrect += predicted == label ? 1 : 0;
            trainedCorrect += trained == label ? 1 : 0;
            if (predicted == trained) {
                continue;
            }
            float[] shippedScores = shipped.scores(features);
            String sample = String.format(Locale.ROOT, "test sample %d (0-based) is class %d for the packed model"
                    + " (scores: class %d %.7g, class %d %.7g) but class %d for the trained network (class %d %.7g,"
                    + " class %d %.7g)", i, predicted, predicted, shippedScores[predicted], trained,
                    shippedScores[trained], trained, predicted, trainedScores[i * classes + predicted], trained,
                    trainedScores[i * classes + trained]);
            if (isTie(trainedScores, i * classes, classes, trained, predicted, shippedScores)) {
                ties++;
                firstTie = firstTie == null ? sample : firstTie;
            } else {
                differing++;
                firstDifference = firstDifference == null ? sample : firstDifference;
            }
        }
        if (differing > 0) {
            throw new ExportException("The packed model of " + description.name() + " does not predict what the"
                    + " trained network predicts with binary weights on " + dataset + ": " + firstDifference + "; "
                    + differing + " of " + n + " test samples differ beyond a tie, so nothing was written;"
                    + " regenerate the inference class with this processor (mvn clean compile) and export again,"
                    + " and report it if it persists.");
        }
        EvaluationWeights weights = description.evaluation();
        double evaluationAccuracy = weights == EvaluationWeights.BINARY
                ? (double) trainedCorrect / n
                : evaluator.accuracy(test, weights, Math.max(1, description.evaluationSamples()));
        return Verification.verified(dataset, n, (double) shippedCorrect / n, (double) trainedCorrect / n, weights,
                evaluationAccuracy, ties, firstTie);
    }

    /** Whether both networks score {@code trained} and {@code predicted} equal to within the rounding. */
    static boolean isTie(double[] trainedScores, int offset, int classes, int trained, int predicted,
            float[] shippedScores) {
        double largest = 1;
        for (int c = 0; c < classes; c++) {
            largest = Math.max(largest, Math.abs(trainedScores[offset + c]));
        }
        double bound = TIE_TOLERANCE * largest;
        return trainedScores[offset + trained] - trainedScores[offset + predicted] <= bound
                && shippedScores[predicted] - shippedScores[trained] <= bound;
    }
}
