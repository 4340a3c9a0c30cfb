package org.binaryconnect.runtime.run;

import java.nio.file.Path;
import java.util.Objects;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.binaryconnect.runtime.optim.LearningRateSchedule;

/**
 * The schedule of one training run and where its outputs go.
 *
 * @param epochs number of passes over the training samples
 * @param learningRateStart the rate of the first epoch
 * @param learningRateEnd the rate the schedule reaches after the last epoch
 * @param validationSamples how many of the last training samples are held out for validation (0: none, and the
 *     model is the last epoch's)
 * @param seed the seed of initialisation, shuffling, dropout and stochastic binarization
 * @param outputDirectory where {@code metrics.csv} and {@code model.bin} are written
 * @throws ConfigurationException when a value is impossible
 */
public record TrainingConfig(int epochs, double learningRateStart, double learningRateEnd, int validationSamples,
        long seed, Path outputDirectory) {

    public TrainingConfig {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (epochs < 1) {
            throw new ConfigurationException("epochs must be at least 1, got " + epochs + ".");
        }
        if (!(learningRateStart > 0) || Double.isInfinite(learningRateStart)) {
            throw new ConfigurationException("learningRateStart must be a positive number, got "
                    + learningRateStart + ".");
        }
        if (!(learningRateEnd > 0) || Double.isInfinite(learningRateEnd)) {
            throw new ConfigurationException("learningRateEnd must be a positive number, got " + learningRateEnd
                    + ".");
        }
        if (validationSamples < 0) {
            throw new ConfigurationException("validationSamples must be 0 or more, got " + validationSamples + ".");
        }
    }

    /** The network's declared defaults with {@code overrides} applied. */
    public static TrainingConfig of(TrainingDefaults defaults, TrainingOverrides overrides, Path outputDirectory) {
        return new TrainingConfig(overrides.epochs().orElse(defaults.epochs()),
                overrides.learningRateStart().orElse(defaults.learningRateStart()),
                overrides.learningRateEnd().orElse(defaults.learningRateEnd()),
                overrides.validationSamples().orElse(defaults.validationSamples()),
                overrides.seed().orElse(defaults.seed()), outputDirectory);
    }

    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRateStart, learningRateEnd, epochs);
    }

    /** One line for the console. */
    public String summary() {
        return "training: " + epochs + " epochs, learning rate " + learningRateStart + " -> " + learningRateEnd
                + ", " + validationSamples + " validation samples, seed " + seed + ", output " + outputDirectory;
    }
}
