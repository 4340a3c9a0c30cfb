package org.binaryconnect.runtime.cli;

import java.util.List;

/**
 * The command-line options of the forked JVMs' entry points ({@link TrainMain}, {@link EvaluateMain},
 * {@link ExportMain}), named once: their parsers accept these and the Maven plugin writes these when it builds a
 * child's command line, so the two sides of the fork cannot drift apart.
 */
public enum CliOption {

    NETWORK("--network"),
    OUTPUT("--output"),
    MODEL("--model"),

    DATA("--data"),
    FORMAT("--format"),
    PREPROCESSING("--preprocessing"),
    CSV_LABEL("--csv-label"),
    CSV_TEST_FILE("--csv-test-file"),
    EMNIST_SPLIT("--emnist-split"),
    CACHE("--cache"),
    OFFLINE("--offline"),
    CLASS_NAMES("--class-names"),

    EPOCHS("--epochs"),
    LEARNING_RATE_START("--learning-rate-start"),
    LEARNING_RATE_END("--learning-rate-end"),
    SEED("--seed"),
    VALIDATION_SAMPLES("--validation-samples"),
    RESUME("--resume"),
    PROGRESS("--progress"),

    PART("--part"),
    WEIGHTS("--weights"),

    RESOURCE_DIR("--resource-dir"),
    C_DIR("--c-dir"),
    PROJECT_VERSION("--project-version");

    /** The dataset options every entry point that reads data accepts. */
    public static final List<CliOption> DATASET = List.of(DATA, FORMAT, PREPROCESSING, CSV_LABEL, CSV_TEST_FILE,
            EMNIST_SPLIT, CACHE, OFFLINE, CLASS_NAMES);

    private final String text;

    CliOption(String text) {
        this.text = text;
    }

    /** The option as it is written on a command line, e.g. {@code --learning-rate-start}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
