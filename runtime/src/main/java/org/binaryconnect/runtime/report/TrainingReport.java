package org.binaryconnect.runtime.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.io.AtomicFiles;

/**
 * Writes a finished run's report into its output directory: {@value #METRICS_JSON}, {@value #LEARNING_CURVES_PNG},
 * {@value #CONFUSION_MATRIX_PNG} and {@value #REPORT_HTML}.
 *
 * <p>Every document is rendered in memory before the first file is touched, so a failure while rendering (the likely
 * one: a chart) leaves the previous report as it was; each file is then replaced atomically, the page last, so that a
 * reader of the page finds the charts it links to.
 */
public final class TrainingReport {

    public static final String METRICS_JSON = "metrics.json";
    public static final String LEARNING_CURVES_PNG = "learning-curves.png";
    public static final String CONFUSION_MATRIX_PNG = "confusion-matrix.png";
    public static final String REPORT_HTML = "report.html";

    /** One file of the report and how to render it. */
    record Document(String fileName, Renderer renderer) {
    }

    @FunctionalInterface
    interface Renderer {
        byte[] render() throws IOException;
    }

    private TrainingReport() {
    }

    /**
     * Writes the report of {@code inputs} into {@code directory}, creating it if needed.
     *
     * @return the files written, in the order above
     */
    public static List<Path> write(Path directory, ReportInputs inputs) throws IOException {
        return write(directory, documents(inputs));
    }

    static List<Document> documents(ReportInputs inputs) {
        String network = inputs.network().name();
        return List.of(
                new Document(METRICS_JSON, () -> utf8(MetricsJson.render(inputs))),
                new Document(LEARNING_CURVES_PNG, () -> LearningCurvesChart.png(network, inputs.epochs(),
                        inputs.best().epoch())),
                new Document(CONFUSION_MATRIX_PNG, () -> ConfusionMatrixChart.png(network, inputs.test(),
                        labels(inputs))),
                new Document(REPORT_HTML, () -> utf8(ReportHtml.render(inputs))));
    }

    private static List<String> labels(ReportInputs inputs) {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < inputs.network().classes(); c++) {
            labels.add(inputs.classLabel(c));
        }
        return labels;
    }

    static List<Path> write(Path directory, List<Document> documents) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (Document document : documents) {
            contents.add(document.renderer().render());
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Path file = directory.resolve(documents.get(i).fileName());
            AtomicFiles.write(file, contents.get(i));
            files.add(file);
        }
        return List.copyOf(files);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
