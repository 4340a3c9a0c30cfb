package org.binaryconnect.runtime.train;

/**
 * How a run treats an earlier run's checkpoint.
 *
 * @param resume continue from the checkpoint in the output directory when it belongs to this same run; false
 *     starts over (and overwrites it after the first epoch)
 * @param dataKey identifies the data (e.g. file names, sizes and times): a checkpoint made on other data is not
 *     resumed
 */
public record TrainingOptions(boolean resume, String dataKey) {

    public static final TrainingOptions DEFAULT = new TrainingOptions(true, "");

    public TrainingOptions {
        if (dataKey.contains("\n")) {
            throw new IllegalArgumentException("a data key is one line");
        }
    }
}
