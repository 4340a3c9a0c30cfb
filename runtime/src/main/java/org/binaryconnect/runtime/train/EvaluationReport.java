package org.binaryconnect.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.io.JsonWriter;
import org.binaryconnect.runtime.run.ClassNames;
import org.binaryconnect.runtime.run.ConfusionMatrix;

/**
 * What {@code binaryconnect:evaluate} reports on a trained network: overall and per-class accuracy and the confusion
 * matrix, as console lines, as {@value #JSON_FILE} (through the runtime's one {@link JsonWriter}) and as
 * {@value #CSV_FILE}.
 *
 * @param network the network's name
 * @param part which part of the data was evaluated, e.g. {@code test}
 * @param data the dataset directory
 * @param weights the weights the predictions were made with
 * @param loss the network's loss on the part's samples (NaN for none)
 * @param matrix the predictions against the labels
 * @param classNames the data's class names in class order, shown beside the class indices; empty for none
 */
public record EvaluationReport(String network, String part, Path data, EvaluationWeights weights, double loss,
        ConfusionMatrix matrix, List<String> classNames) {

    public static final String JSON_FILE = "evaluation.json";
    public static final String CSV_FILE = "confusion-matrix.csv";

    public EvaluationReport {
        classNames = ClassNames.checked(classNames, matrix.classes());
    }

    /** The report on data without class names: classes are shown by index. */
    public EvaluationReport(String network, String part, Path data, EvaluationWeights weights, double loss,
            ConfusionMatrix matrix) {
        this(network, part, data, weights, loss, matrix, List.of());
    }

    /** The console report: a headline, one line per class, then the matrix with aligned columns. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("evaluation of " + network + " on the " + part + " part of " + data + ": " + matrix.total()
                + " samples, " + weights + " weights");
        lines.add("accuracy " + fraction(matrix.accuracy()) + " (" + matrix.correct() + "/" + matrix.total() + ")"
                + String.format(Locale.ROOT, "  loss %.4f", loss));
        // a name column where the data has names, as wide as the longest
        String names = classNames.isEmpty() ? ""
                : "  %-" + Math.max(4, classNames.stream().mapToInt(String::length).max().orElse(0)) + "s";
        lines.add("class" + (names.isEmpty() ? "" : String.format(Locale.ROOT, names, "name"))
                + "  samples  correct  accuracy");
        for (int c = 0; c < matrix.classes(); c++) {
            lines.add(String.format(Locale.ROOT, "%5d", c)
                    + (names.isEmpty() ? "" : String.format(Locale.ROOT, names, classNames.get(c)))
                    + String.format(Locale.ROOT, "  %7d  %7d  %8s", matrix.samples(c), matrix.count(c, c),
                            fraction(matrix.classAccuracy(c))));
        }
        lines.add("confusion matrix (rows: true class, columns: predicted class)");
        int width = Math.max(String.valueOf(matrix.classes() - 1).length(), widestCount()) + 1;
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%9s", "true\\pred"));
        for (int p = 0; p < matrix.classes(); p++) {
            header.append(String.format(Locale.ROOT, "%" + width + "d", p));
        }
        lines.add(header.toString());
        for (int t = 0; t < matrix.classes(); t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%9d", t));
            for (int p = 0; p < matrix.classes(); p++) {
                row.append(String.format(Locale.ROOT, "%" + width + "d", matrix.count(t, p)));
            }
            lines.add(row.toString());
        }
        return lines;
    }

    /**
     * The report as one JSON object; accuracies of classes without samples are {@code null} (JSON has no NaN). Where
     * the data names its classes, {@code classNames} and each class's {@code name} too.
     */
    public String json() {
        JsonWriter json = new JsonWriter().beginObject()
                .member("network", network)
                .member("part", part)
                .member("data", data.toString())
                .member("weights", weights.name())
                .member("samples", matrix.total())
                .member("correct", matrix.correct())
                .member("accuracy", matrix.accuracy())
                .member("loss", loss);
        // only where the data names its classes: without names the file is as it always was
        if (!classNames.isEmpty()) {
            json.name("classNames").beginArray();
            for (String className : classNames) {
                json.value(className);
            }
            json.endArray();
        }
        json.name("classes").beginArray();
        for (int c = 0; c < matrix.classes(); c++) {
            json.beginInlineObject().member("class", c);
            if (!classNames.isEmpty()) {
                json.member("name", classNames.get(c));
            }
            json.member("samples", matrix.samples(c))
                    .member("correct", matrix.count(c, c))
                    .member("accuracy", matrix.classAccuracy(c))
                    .endObject();
        }
        json.endArray();
        json.name("confusionMatrix").beginArray();
        for (int t = 0; t < matrix.classes(); t++) {
            long[] row = new long[matrix.classes()];
            for (int p = 0; p < row.length; p++) {
                row[p] = matrix.count(t, p);
            }
            json.inlineArray(row);
        }
        return json.endArray().endObject().toString();
    }

    /**
     * The matrix as CSV: a header of predicted classes, then one row per true class, each class by its name where
     * the data has names (quoted as RFC 4180 says where a name holds a comma, a quote or a line break).
     */
    public String csv() {
        StringBuilder csv = new StringBuilder("true_class");
        for (int p = 0; p < matrix.classes(); p++) {
            csv.append(',').append(csvField("predicted_" + ClassNames.label(classNames, p)));
        }
        csv.append('\n');
        for (int t = 0; t < matrix.classes(); t++) {
            csv.append(csvField(ClassNames.label(classNames, t)));
            for (int p = 0; p < matrix.classes(); p++) {
                csv.append(',').append(matrix.count(t, p));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /**
     * Writes {@value #JSON_FILE} and {@value #CSV_FILE} into {@code directory}, each to a temporary file moved into
     * place, so that a reader never sees half a report.
     *
     * @return the two files
     */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(JSON_FILE);
        Path csv = directory.resolve(CSV_FILE);
        AtomicFiles.writeString(json, json());
        AtomicFiles.writeString(csv, csv());
        return List.of(json, csv);
    }

    private static String csvField(String text) {
        boolean quoted = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private int widestCount() {
        int widest = 1;
        for (int t = 0; t < matrix.classes(); t++) {
            for (int p = 0; p < matrix.classes(); p++) {
                widest = Math.max(widest, String.valueOf(matrix.count(t, p)).length());
            }
        }
        return widest;
    }

    private static String fraction(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
