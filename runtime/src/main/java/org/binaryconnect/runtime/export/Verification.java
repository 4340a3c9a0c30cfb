package org.binaryconnect.runtime.export;

import java.util.Locale;
import java.util.Objects;
import org.binaryconnect.dsl.EvaluationWeights;

/**
 * What an export's check of the packed model found: either the packed model, read back through the generated
 * inference class, predicted every test sample as the trained network does with binary weights, with the
 * accuracies measured; or nothing was checked, and why (the data was not at hand).
 *
 * @param verified whether the packed model was checked against the trained network
 * @param reason why nothing was checked; null when verified
 * @param dataset the dataset the test samples came from (its name or path); null when not verified
 * @param samples the test samples predicted
 * @param shippedAccuracy the packed model's accuracy through the generated inference class
 * @param trainedBinaryAccuracy the trained network's with binary weights (equal: every prediction agreed)
 * @param evaluationWeights the weights training evaluated with (the network's declared evaluation weights)
 * @param evaluationAccuracy the trained network's accuracy with {@code evaluationWeights}; the binary one when
 *     those are binary
 * @param ties the test samples the two predict differently where both score the two classes equal to within the
 *     packed format's rounding (the only differences allowed)
 * @param firstTie the first of them, described; null when none
 */
public record Verification(boolean verified, String reason, String dataset, int samples, double shippedAccuracy,
        double trainedBinaryAccuracy, EvaluationWeights evaluationWeights, double evaluationAccuracy, int ties,
        String firstTie) {

    public Verification {
        if (!verified) {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Verification verified(String dataset, int samples, double shippedAccuracy, double trainedBinaryAccuracy,
            EvaluationWeights evaluationWeights, double evaluationAccuracy, int ties, String firstTie) {
        return new Verification(true, null, dataset, samples, shippedAccuracy, trainedBinaryAccuracy,
                evaluationWeights, evaluationAccuracy, ties, firstTie);
    }

    static Verification notVerified(String reason) {
        return new Verification(false, reason, null, 0, Double.NaN, Double.NaN, null, Double.NaN, 0, null);
    }

    /** Whether training evaluated other weights than the binary ones that ship, so their figure is shown too. */
    public boolean evaluatedOtherWeights() {
        return verified && evaluationWeights != EvaluationWeights.BINARY;
    }

    /**
     * E.g. {@code shipped model: test accuracy 0.8412 (10000 samples); trained network with binary weights: 0.8412},
     * followed by {@code ; trained network with its evaluation weights (REAL): 0.8530} for a network that evaluates
     * other weights, and by the count of ties and the first one where there are any; or
     * {@code shipped model: not verified: <reason>}.
     */
    public String line() {
        if (!verified) {
            return "shipped model: not verified: " + reason;
        }
        String line = String.format(Locale.ROOT,
                "shipped model: test accuracy %.4f (%d samples); trained network with binary weights: %.4f",
                shippedAccuracy, samples, trainedBinaryAccuracy);
        if (evaluatedOtherWeights()) {
            line += String.format(Locale.ROOT, "; trained network with its evaluation weights (%s): %.4f",
                    evaluationWeights, evaluationAccuracy);
        }
        if (ties > 0) {
            line += "; " + ties + (ties == 1 ? " sample is" : " samples are") + " predicted differently at a tie"
                    + " within rounding (" + firstTie + ")";
        }
        return line;
    }
}
