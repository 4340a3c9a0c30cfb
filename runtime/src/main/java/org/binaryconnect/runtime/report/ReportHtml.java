package org.binaryconnect.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingConfig;

/**
 * {@code report.html}: one page with the final figures, the two charts (by relative name: they sit next to it), the
 * configuration, the layers and their summary ({@link NetworkSummary}), the per-class test accuracy (with the classes'
 * names where the data has them) and every epoch. No external resources, so it opens offline and from a CI artifact.
 * All text is escaped: names and paths come from the user.
 */
final class ReportHtml {

    /**
     * Sets {@code data-charts-loaded} on {@code <body>} to the number of images that loaded, once the page has: a
     * headless browser can then tell a page with charts from one with broken image links.
     */
    static final String CHARTS_LOADED_SCRIPT = "window.addEventListener('load', function () {\n"
            + "  var loaded = Array.prototype.filter.call(document.images, function (image) {\n"
            + "    return image.complete && image.naturalWidth > 0;\n"
            + "  }).length;\n"
            + "  document.body.setAttribute('data-charts-loaded', String(loaded));\n"
            + "});\n";

    private static final String STYLE = "body{font-family:sans-serif;margin:2em auto;max-width:1000px;color:#222}"
            + "table{border-collapse:collapse;margin:0.5em 0 1.5em}"
            + "th,td{border:1px solid #ccc;padding:0.25em 0.6em;text-align:left}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "th{background:#f3f3f3}img{max-width:100%;height:auto;border:1px solid #eee}"
            + "dl.figures{display:grid;grid-template-columns:max-content auto;gap:0.3em 1.5em}"
            + "dl.figures dt{font-weight:bold}dl.figures dd{margin:0}";

    private final StringBuilder html = new StringBuilder();

    private ReportHtml() {
    }

    static String render(ReportInputs inputs) {
        return new ReportHtml().page(inputs);
    }

    private String page(ReportInputs inputs) {
        NetworkDescription network = inputs.network();
        String title = "Training report: " + network.name();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>").append(STYLE).append("</style>\n")
                .append("<script>\n").append(CHARTS_LOADED_SCRIPT).append("</script>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        html.append("<p>").append(escape(network.specClass())).append("</p>\n");
        figures(inputs);
        html.append("<h2>Learning curves</h2>\n");
        image(TrainingReport.LEARNING_CURVES_PNG, LearningCurvesChart.WIDTH, LearningCurvesChart.HEIGHT,
                "Training loss, validation and test accuracy per epoch");
        html.append("<h2>Confusion matrix (test set)</h2>\n");
        image(TrainingReport.CONFUSION_MATRIX_PNG, ConfusionMatrixChart.WIDTH, ConfusionMatrixChart.HEIGHT,
                "Confusion matrix of the test predictions: true class down, predicted class across");
        html.append("<h2>Accuracy per class (test set)</h2>\n");
        perClass(inputs);
        html.append("<h2>Configuration</h2>\n");
        configuration(network, inputs.config());
        html.append("<h2>Layers</h2>\n");
        layers(network.layers());
        html.append("<h2>Summary</h2>\n");
        summary(NetworkSummary.of(network));
        html.append("<h2>Epochs</h2>\n");
        epochs(inputs.epochs(), inputs.best(), inputs.binaryApart());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void figures(ReportInputs inputs) {
        EpochResult best = inputs.best();
        html.append("<dl class=\"figures\" id=\"figures\">\n");
        figure("Best epoch", best.epoch() + " of " + inputs.epochs().size(), "best-epoch");
        figure("Validation accuracy", fraction(best.validationAccuracy()), "validation-accuracy");
        figure("Test accuracy", fraction(best.testAccuracy()), "test-accuracy");
        if (inputs.binaryApart()) {
            // what export ships: its signs, not the weights this network is evaluated with
            figure("Test accuracy with binary weights (exported)", fraction(best.testBinaryAccuracy()),
                    "test-binary-accuracy");
        }
        figure("Total time", duration(inputs.totalSeconds()), "total-time");
        figure("Training samples/s", format("%.0f", inputs.samplesPerSecond()), "samples-per-second");
        html.append("</dl>\n");
    }

    private void figure(String name, String value, String id) {
        html.append("<dt>").append(escape(name)).append("</dt><dd id=\"").append(id).append("\">")
                .append(escape(value)).append("</dd>\n");
    }

    private void image(String file, int width, int height, String alt) {
        html.append("<p><img src=\"").append(escape(file)).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" alt=\"").append(escape(alt)).append("\"></p>\n");
    }

    /** A row a class: its index, its name where the data has names, and its figures. */
    private void perClass(ReportInputs inputs) {
        ConfusionMatrix matrix = inputs.test();
        boolean named = !inputs.classNames().isEmpty();
        html.append("<table id=\"per-class\">\n");
        row("th", named ? new String[] {"class", "name", "samples", "correct", "accuracy"}
                : new String[] {"class", "samples", "correct", "accuracy"});
        for (int c = 0; c < matrix.classes(); c++) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(c)));
            if (named) {
                cells.add(inputs.classLabel(c));
            }
            cells.addAll(List.of(String.valueOf(matrix.samples(c)), String.valueOf(matrix.count(c, c)),
                    fraction(matrix.classAccuracy(c))));
            row("td", cells.toArray(String[]::new));
        }
        List<String> all = new ArrayList<>(List.of("all"));
        if (named) {
            all.add("");
        }
        all.addAll(List.of(String.valueOf(matrix.total()), String.valueOf(matrix.correct()),
                fraction(matrix.accuracy())));
        row("th", all.toArray(String[]::new));
        html.append("</table>\n");
    }

    private void configuration(NetworkDescription network, TrainingConfig config) {
        html.append("<table id=\"configuration\">\n");
        row("th", "setting", "value");
        row("td", "epochs", String.valueOf(config.epochs()));
        row("td", "learning rate", config.learningRateStart() + " -> " + config.learningRateEnd());
        row("td", "validation samples", String.valueOf(config.validationSamples()));
        row("td", "seed", String.valueOf(config.seed()));
        row("td", "batch size", String.valueOf(network.batchSize()));
        row("td", "input shape", network.inputShape().toString());
        row("td", "classes", String.valueOf(network.classes()));
        row("td", "binarization", network.binarization().name());
        row("td", "loss", network.loss().name());
        row("td", "evaluation weights", network.evaluation().name()
                + (network.evaluation() == EvaluationWeights.SAMPLED_AVERAGE
                        ? " of " + network.evaluationSamples() + " networks" : ""));
        row("td", "optimizer", network.optimizer());
        row("td", "output directory", config.outputDirectory().toString());
        row("td", "fingerprint", network.fingerprint());
        html.append("</table>\n");
    }

    private void layers(List<LayerDescription> layers) {
        html.append("<table id=\"layers\">\n");
        row("th", "layer", "inputs", "units", "weights", "batch norm", "activation", "dropout");
        for (LayerDescription layer : layers) {
            row("td", layer.name(), String.valueOf(layer.inputs()), String.valueOf(layer.units()),
                    layer.binary() ? "binary, H = " + layer.h() : "real",
                    layer.batchNorm() ? "epsilon " + layer.batchNormEpsilon() : "none", layer.activation().name(),
                    String.valueOf(layer.dropout()));
        }
        html.append("</table>\n");
    }

    /** The per-layer summary: a row a layer, the totals, and the binarized shares below. */
    private void summary(NetworkSummary summary) {
        html.append("<table id=\"summary\">\n");
        row("th", NetworkSummary.COLUMNS.toArray(String[]::new));
        for (NetworkSummary.Row layer : summary.layers()) {
            row("td", NetworkSummary.cells(layer));
        }
        row("th", NetworkSummary.cells(summary.total()));
        html.append("</table>\n<p id=\"summary-shares\">").append(escape(summary.shares())).append("</p>\n");
    }

    /** @param binary whether to show the binary-weight accuracies, each next to its evaluation accuracy */
    private void epochs(List<EpochResult> epochs, EpochResult best, boolean binary) {
        html.append("<table id=\"epochs\">\n");
        List<String> header = new ArrayList<>(List.of("epoch", "learning rate", "training loss",
                "validation accuracy"));
        if (binary) {
            header.add("validation accuracy, binary weights");
        }
        header.add("test accuracy");
        if (binary) {
            header.add("test accuracy, binary weights");
        }
        header.addAll(List.of("seconds", "samples/s"));
        row("th", header.toArray(String[]::new));
        for (EpochResult epoch : epochs) {
            List<String> cells = new ArrayList<>(List.of(epoch.epoch() + (epoch.equals(best) ? " (best)" : ""),
                    format("%.3g", epoch.learningRate()), format("%.4f", epoch.trainLoss()),
                    fraction(epoch.validationAccuracy())));
            if (binary) {
                cells.add(fraction(epoch.validationBinaryAccuracy()));
            }
            cells.add(fraction(epoch.testAccuracy()));
            if (binary) {
                cells.add(fraction(epoch.testBinaryAccuracy()));
            }
            cells.addAll(List.of(format("%.1f", epoch.seconds()), format("%.0f", epoch.samplesPerSecond())));
            row("td", cells.toArray(String[]::new));
        }
        html.append("</table>\n");
    }

    /** A table row; in data rows every cell after the first is a number, right-aligned. */
    private void row(String cell, String... values) {
        html.append("<tr>");
        for (int i = 0; i < values.length; i++) {
            String open = cell.equals("td") && i > 0 && startsWithDigit(values[i]) ? "<td class=\"n\">" : "<" + cell
                    + ">";
            html.append(open).append(escape(values[i])).append("</").append(cell).append('>');
        }
        html.append("</tr>\n");
    }

    private static boolean startsWithDigit(String value) {
        return !value.isEmpty() && (Character.isDigit(value.charAt(0)) || value.equals("-"));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    /** An accuracy as the console prints it; a dash where there is none (no samples). */
    static String fraction(double value) {
        return Double.isNaN(value) ? "-" : format("%.4f", value);
    }

    /** e.g. {@code 42.3 s}, {@code 12 min 05 s}, {@code 2 h 03 min 09 s}. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return format("%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        long rest = whole % 60;
        return hours > 0 ? format("%d h %02d min %02d s", hours, minutes, rest)
                : format("%d min %02d s", minutes, rest);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
