package org.binaryconnect.runtime.export;

import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.train.Evaluator;

/**
 * Checks a packed model against the network it was packed from, on the test samples: the shipped model (through
 * the generated inference class, on the preprocessed features) must predict every sample as the trained network
 * does with binary weights, the weights that ship. No tolerance: the packed format is designed to predict exactly
 * that (see {@link PackedModel}), and a difference means the user would ship a model nobody measured.
 */
final class ExportVerification {

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
        Evaluator evaluator = new Evaluator(network);
        int[] trained = evaluator.predictions(test, EvaluationWeights.BINARY, 1);
        int n = test.size();
        int shippedCorrect = 0;
        int trainedCorrect = 0;
        int differing = 0;
        int first = -1;
        int firstShipped = -1;
        float[] features = new float[test.features()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features.length; j++) {
                features[j] = test.feature(i, j);
            }
            int predicted = shipped.predict(features);
            int label = test.label(i);
            shippedCorrect += predicted == label ? 1 : 0;
            trainedCorrect += trained[i] == label ? 1 : 0;
            if (predicted != trained[i]) {
                if (differing == 0) {
                    first = i;
                    firstShipped = predicted;
                }
                differing++;
            }
        }
        if (differing > 0) {
            throw new ExportException("The packed model of " + description.name() + " does not predict what the"
                    + " trained network predicts with binary weights: test sample " + first + " (0-based) of "
                    + dataset + " is class " + firstShipped + " for the packed model but class " + trained[first]
                    + " for the trained network (" + differing + " of " + n + " test samples differ), so nothing"
                    + " was written; regenerate the inference class with this processor (mvn clean compile) and"
                    + " export again, and report it if it persists.");
        }
        EvaluationWeights weights = description.evaluation();
        double evaluationAccuracy = weights == EvaluationWeights.BINARY
                ? (double) trainedCorrect / n
                : evaluator.accuracy(test, weights, Math.max(1, description.evaluationSamples()));
        return Verification.verified(dataset, n, (double) shippedCorrect / n, (double) trainedCorrect / n, weights,
                evaluationAccuracy);
    }
}
