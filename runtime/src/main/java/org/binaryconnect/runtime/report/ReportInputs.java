package org.binaryconnect.runtime.report;

import java.util.List;
import java.util.Objects;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.run.ClassNames;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingConfig;
import org.binaryconnect.runtime.run.TrainingResult;

/**
 * Everything a training report shows, gathered at the end of a run.
 *
 * @param network what was trained
 * @param config the schedule it was trained with
 * @param epochs every epoch's figures, in order
 * @param best the epoch whose state is the model (one of {@code epochs})
 * @param test the predictions of the model (the best epoch's state) on the test set against the labels
 * @param classNames the classes' names, in class order, that the report shows; empty: it shows class indices
 * @throws IllegalArgumentException when there are no epochs, {@code best} is not one of them, the matrix has a
 *     different number of classes than the network, or there are names but not one a class
 */
public record ReportInputs(NetworkDescription network, TrainingConfig config, List<EpochResult> epochs,
        EpochResult best, ConfusionMatrix test, List<String> classNames) {

    /** The inputs of a run on data without class names: the report shows class indices. */
    public ReportInputs(NetworkDescription network, TrainingConfig config, List<EpochResult> epochs,
            EpochResult best, ConfusionMatrix test) {
        this(network, config, epochs, best, test, List.of());
    }

    public ReportInputs {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(test, "test");
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a training report needs at least one epoch");
        }
        if (!epochs.contains(best)) {
            throw new IllegalArgumentException("the best epoch " + best.epoch() + " is not among the epochs");
        }
        if (test.classes() != network.classes()) {
            throw new IllegalArgumentException("the confusion matrix has " + test.classes() + " classes, the network "
                    + network.classes());
        }
        classNames = ClassNames.checked(classNames, network.classes());
    }

    /** The name of class {@code c} as the report shows it: its name, or its index where the data has no names. */
    public String classLabel(int c) {
        return ClassNames.label(classNames, c);
    }

    /** The inputs for a finished run: its epochs and best epoch from {@code result}. */
    public static ReportInputs of(NetworkDescription network, TrainingConfig config, TrainingResult result,
            ConfusionMatrix test, List<String> classNames) {
        return new ReportInputs(network, config, result.epochs(), result.best(), test, classNames);
    }

    /**
     * Whether the epochs' binary-weight accuracies were measured apart from the evaluation weights' (a stochastic
     * network, or {@code SAMPLED_AVERAGE} evaluation): then the report shows both.
     */
    public boolean binaryApart() {
        return epochs.stream().anyMatch(EpochResult::binaryApart);
    }

    /** Wall time of all epochs, evaluation included. */
    public double totalSeconds() {
        return epochs.stream().mapToDouble(EpochResult::seconds).sum();
    }

    /**
     * Training samples per second over the whole run. Every epoch trains the same number of samples, so this is the
     * harmonic mean of the epochs' rates (the arithmetic mean would overweight fast epochs).
     */
    public double samplesPerSecond() {
        double secondsPerSample = epochs.stream().mapToDouble(epoch -> 1 / epoch.samplesPerSecond()).sum();
        return epochs.size() / secondsPerSample;
    }
}
