package org.binaryconnect.runtime.run;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs: rows are the true classes, columns the predicted ones, so the
 * diagonal holds the correct predictions and a row's sum is the number of samples of that class.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;

    private ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /**
     * The matrix of {@code predicted[i]} against {@code labels[i]}.
     *
     * @throws IllegalArgumentException when the arrays differ in length or hold a class outside [0, classes)
     */
    public static ConfusionMatrix of(int classes, int[] labels, int[] predicted) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
        }
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        for (int i = 0; i < labels.length; i++) {
            matrix.counts[matrix.index(labels[i], predicted[i])]++;
        }
        return matrix;
    }

    /**
     * The matrix with the given counts, row by row (true class), as {@link #counts()} gives them.
     *
     * @throws IllegalArgumentException when there are not {@code classes * classes} counts or one is negative
     */
    public static ConfusionMatrix ofCounts(int classes, long[] rowMajorCounts) {
        ConfusionMatrix matrix = new ConfusionMatrix(classes);
        if (rowMajorCounts.length != matrix.counts.length) {
            throw new IllegalArgumentException(rowMajorCounts.length + " counts for " + classes + " classes");
        }
        for (int i = 0; i < rowMajorCounts.length; i++) {
            if (rowMajorCounts[i] < 0) {
                throw new IllegalArgumentException("negative count " + rowMajorCounts[i]);
            }
            matrix.counts[i] = rowMajorCounts[i];
        }
        return matrix;
    }

    /** Every count, row by row (true class), columns the predicted class. */
    public long[] counts() {
        return counts.clone();
    }

    public int classes() {
        return classes;
    }

    /** How many samples of class {@code trueClass} were predicted as {@code predictedClass}. */
    public long count(int trueClass, int predictedClass) {
        return counts[index(trueClass, predictedClass)];
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public long correct() {
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += count(c, c);
        }
        return correct;
    }

    /** The fraction predicted right, in [0, 1]; NaN without samples. */
    public double accuracy() {
        long total = total();
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** How many samples are of class {@code trueClass}: its row's sum. */
    public long samples(int trueClass) {
        long sum = 0;
        for (int p = 0; p < classes; p++) {
            sum += count(trueClass, p);
        }
        return sum;
    }

    /** The fraction of class {@code trueClass}'s samples predicted right (its recall); NaN when it has none. */
    public double classAccuracy(int trueClass) {
        long samples = samples(trueClass);
        return samples == 0 ? Double.NaN : (double) count(trueClass, trueClass) / samples;
    }

    private int index(int trueClass, int predictedClass) {
        if (trueClass < 0 || trueClass >= classes || predictedClass < 0 || predictedClass >= classes) {
            throw new IllegalArgumentException("class out of [0, " + classes + "): true " + trueClass
                    + ", predicted " + predictedClass);
        }
        return trueClass * classes + predictedClass;
    }
}
