package org.binaryconnect.runtime.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * Where a training run stands after an epoch, beyond the arrays: what a checkpoint stores so that a resumed run
 * continues exactly as the uninterrupted one would have.
 *
 * @param epoch the last completed epoch (1-based)
 * @param runKey identifies the run's configuration, network and data: a checkpoint is resumed only by the same run
 * @param randomState the network's {@link TrainableNetwork#randomState()}
 * @param steps the optimizer's {@link TrainableNetwork#steps()}
 * @param referenceLoss the loss of the run's first batch, the yardstick of divergence
 * @param history every completed epoch's figures, in order
 * @param bestTestMatrix the confusion matrix on the test samples of the best epoch so far, for the report
 */
public record TrainingProgress(int epoch, String runKey, long randomState, long steps, double referenceLoss,
        List<EpochResult> history, ConfusionMatrix bestTestMatrix) {

    // 2: each epoch's figures end with the binary-weight accuracies and whether they were measured apart. A format-1
    // checkpoint is refused (as any other format) rather than resumed with binary figures nobody measured.
    private static final int FORMAT = 2;

    public TrainingProgress {
        history = List.copyOf(history);
        if (epoch < 1 || history.size() != epoch) {
            throw new IllegalArgumentException("a checkpoint after epoch " + epoch + " holds " + history.size()
                    + " epochs of figures");
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).epoch() != i + 1) {
                throw new IllegalArgumentException("epoch figures out of order at position " + (i + 1));
            }
        }
        java.util.Objects.requireNonNull(bestTestMatrix, "bestTestMatrix");
        if (runKey.isEmpty() || runKey.contains("\n")) {
            throw new IllegalArgumentException("a run key is one non-empty line");
        }
    }

    /** The progress as {@code key=value} lines; every double is written so that it reads back exactly. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        line(text, "format", FORMAT);
        line(text, "epoch", epoch);
        line(text, "runKey", runKey);
        line(text, "randomState", randomState);
        line(text, "steps", steps);
        line(text, "referenceLoss", referenceLoss);
        line(text, "bestTestMatrix", bestTestMatrix.classes() + ":" + java.util.Arrays.stream(bestTestMatrix.counts())
                .mapToObj(Long::toString).collect(java.util.stream.Collectors.joining(",")));
        for (EpochResult e : history) {
            line(text, "epoch." + e.epoch(), e.learningRate() + "," + e.trainLoss() + "," + e.validationAccuracy()
                    + "," + e.testAccuracy() + "," + e.seconds() + "," + e.samplesPerSecond() + ","
                    + e.validationBinaryAccuracy() + "," + e.testBinaryAccuracy() + "," + e.binaryApart());
        }
        return text.toString();
    }

    /** Reads {@link #toText()}'s output back. @throws IllegalArgumentException naming what is wrong */
    public static TrainingProgress parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || values.put(line.substring(0, equals), line.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("malformed or repeated line \"" + shorten(line) + "\"");
            }
        }
        int format = Integer.parseInt(required(values, "format"));
        if (format != FORMAT) {
            throw new IllegalArgumentException("progress format " + format + ", this runtime reads " + FORMAT);
        }
        int epoch = Integer.parseInt(required(values, "epoch"));
        if (epoch < 1 || epoch > values.size()) {
            throw new IllegalArgumentException("epoch " + epoch + " does not fit the " + values.size() + " entries");
        }
        List<EpochResult> history = new ArrayList<>(epoch);
        for (int e = 1; e <= epoch; e++) {
            String[] fields = required(values, "epoch." + e).split(",", -1);
            if (fields.length != 9) {
                throw new IllegalArgumentException("epoch." + e + " has " + fields.length + " fields, not 9");
            }
            history.add(new EpochResult(e, Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2]), Double.parseDouble(fields[3]), Double.parseDouble(fields[4]),
                    Double.parseDouble(fields[5]), Double.parseDouble(fields[6]), Double.parseDouble(fields[7]),
                    bool(fields[8], e)));
        }
        if (values.size() != 7 + epoch) {
            throw new IllegalArgumentException(values.size() + " entries where " + (7 + epoch) + " belong");
        }
        return new TrainingProgress(epoch, required(values, "runKey"), Long.parseLong(required(values, "randomState")),
                Long.parseLong(required(values, "steps")), Double.parseDouble(required(values, "referenceLoss")),
                history, matrix(required(values, "bestTestMatrix")));
    }

    private static ConfusionMatrix matrix(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("bestTestMatrix has no class count");
        }
        int classes = Integer.parseInt(text.substring(0, colon));
        String[] fields = text.substring(colon + 1).split(",", -1);
        if (classes < 1 || classes > 1 << 15 || fields.length != classes * classes) {
            throw new IllegalArgumentException("bestTestMatrix holds " + fields.length + " counts for " + classes
                    + " classes");
        }
        long[] counts = new long[fields.length];
        for (int i = 0; i < fields.length; i++) {
            counts[i] = Long.parseLong(fields[i]);
        }
        return ConfusionMatrix.ofCounts(classes, counts);
    }

    private static boolean bool(String field, int epoch) {
        if (!field.equals("true") && !field.equals("false")) {
            throw new IllegalArgumentException("epoch." + epoch + " ends with \"" + shorten(field)
                    + "\", not true or false");
        }
        return Boolean.parseBoolean(field);
    }

    private static void line(StringBuilder text, String key, Object value) {
        text.append(key).append('=').append(value).append('\n');
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    private static String shorten(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
