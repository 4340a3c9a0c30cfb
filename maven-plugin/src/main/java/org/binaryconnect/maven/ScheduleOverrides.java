package org.binaryconnect.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.binaryconnect.runtime.cli.CliOption;

/**
 * Values that replace the network's {@code @Training} ones for one run; {@code null} keeps the declared value.
 * The batch size is not here: it is compiled into the generated buffers.
 */
record ScheduleOverrides(Integer epochs, Double learningRateStart, Double learningRateEnd, Long seed,
        Integer validationSamples) {

    static final ScheduleOverrides NONE = new ScheduleOverrides(null, null, null, null, null);

    /** Rejects values no training could use, before a JVM is forked for them. */
    void validate() throws MojoExecutionException {
        if (epochs != null && epochs < 1) {
            throw invalid("epochs", epochs, "at least 1");
        }
        if (learningRateStart != null && !(learningRateStart > 0 && Double.isFinite(learningRateStart))) {
            throw invalid("learningRateStart", learningRateStart, "a positive number");
        }
        if (learningRateEnd != null && !(learningRateEnd > 0 && Double.isFinite(learningRateEnd))) {
            throw invalid("learningRateEnd", learningRateEnd, "a positive number");
        }
        if (validationSamples != null && validationSamples < 0) {
            throw invalid("validationSamples", validationSamples, "0 or more");
        }
    }

    /** The {@code TrainMain} options for the values that are set. */
    List<String> arguments() {
        return new ChildArguments()
                .add(CliOption.EPOCHS, epochs)
                .add(CliOption.LEARNING_RATE_START, learningRateStart)
                .add(CliOption.LEARNING_RATE_END, learningRateEnd)
                .add(CliOption.SEED, seed)
                .add(CliOption.VALIDATION_SAMPLES, validationSamples)
                .toList();
    }

    private static MojoExecutionException invalid(String parameter, Object value, String expected) {
        return new MojoExecutionException("Parameter " + parameter + " (-Dbinaryconnect." + parameter + ") is "
                + value + " but must be " + expected + ".");
    }
}
