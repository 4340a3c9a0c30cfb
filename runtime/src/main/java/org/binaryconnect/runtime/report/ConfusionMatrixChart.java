package org.binaryconnect.runtime.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * {@code confusion-matrix.png}: a heat map of the test predictions, true classes down, predicted classes across, each
 * cell printed with its count, the classes labelled by name where the data has names. A cell's colour is its share of
 * the true class's samples, so classes of different sizes read alike and the diagonal is each class's accuracy.
 */
final class ConfusionMatrixChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 680;

    /** Above this many classes the counts and labels no longer fit their cells; the colours still tell. */
    static final int MAX_CLASSES_WITH_COUNTS = 30;

    private static final Color EMPTY = Color.WHITE;
    private static final Color FULL = new Color(0x08, 0x30, 0x6B);

    private ConfusionMatrixChart() {
    }

    /** The chart with classes labelled by index. */
    static byte[] png(String network, ConfusionMatrix matrix) throws IOException {
        List<String> indices = new ArrayList<>();
        for (int c = 0; c < matrix.classes(); c++) {
            indices.add(String.valueOf(c));
        }
        return png(network, matrix, indices);
    }

    /** @param classLabels each class's name, or its index where the data has no names */
    static byte[] png(String network, ConfusionMatrix matrix, List<String> classLabels) throws IOException {
        ChartPng.headless();
        int classes = matrix.classes();
        if (classLabels.size() != classes) {
            throw new IllegalArgumentException(classLabels.size() + " labels for " + classes + " classes");
        }
        String[] labels = classLabels.toArray(String[]::new);
        int cells = classes * classes;
        double[][] xyz = new double[3][cells];
        for (int t = 0; t < classes; t++) {
            long samples = matrix.samples(t);
            for (int p = 0; p < classes; p++) {
                int i = t * classes + p;
                xyz[0][i] = p;
                xyz[1][i] = t;
                xyz[2][i] = samples == 0 ? 0 : (double) matrix.count(t, p) / samples;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share of the true class", xyz);

        NumberAxis predicted = classAxis("predicted class", labels);
        if (predicted instanceof SymbolAxis symbols && !isIndices(labels)) {
            // names side by side across the cells overlap ("T-shirt/top", "Ankle boot"): turn them upright
            symbols.setVerticalTickLabels(true);
        }
        NumberAxis trueClass = classAxis("true class", labels);
        // Row 0 at the top, as the matrix is printed on the console and in confusion-matrix.csv.
        trueClass.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        PaintScale scale = new BlueScale();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, predicted, trueClass, renderer);
        ChartPng.plainLook(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (classes <= MAX_CLASSES_WITH_COUNTS) {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(16, 200 / classes)));
            for (int i = 0; i < cells; i++) {
                XYTextAnnotation count = new XYTextAnnotation(
                        String.valueOf(matrix.count((int) xyz[1][i], (int) xyz[0][i])), xyz[0][i], xyz[1][i]);
                count.setFont(font);
                count.setPaint(xyz[2][i] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(count);
            }
        }
        JFreeChart chart = new JFreeChart("Confusion matrix of " + network + " on the test set",
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis shareAxis = new NumberAxis("share of the true class");
        shareAxis.setRange(0, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, shareAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(8, 8, 8, 8);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        return ChartPng.png(chart, WIDTH, HEIGHT);
    }

    /**
     * An axis of class numbers: every class labelled where the counts are printed; beyond that a label on every few
     * classes, as a hundred labels on one axis print over each other.
     */
    private static NumberAxis classAxis(String label, String[] classes) {
        NumberAxis axis;
        if (classes.length <= MAX_CLASSES_WITH_COUNTS) {
            SymbolAxis symbols = new SymbolAxis(label, classes);
            symbols.setGridBandsVisible(false);
            axis = symbols;
        } else {
            axis = new NumberAxis(label);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        axis.setRange(-0.5, classes.length - 0.5);
        return axis;
    }

    private static boolean isIndices(String[] labels) {
        for (int c = 0; c < labels.length; c++) {
            if (!labels[c].equals(String.valueOf(c))) {
                return false;
            }
        }
        return true;
    }

    /** White for 0 to dark blue for 1, linear in each channel. */
    private static final class BlueScale implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
            return new Color(mix(EMPTY.getRed(), FULL.getRed(), v), mix(EMPTY.getGreen(), FULL.getGreen(), v),
                    mix(EMPTY.getBlue(), FULL.getBlue(), v));
        }

        private static int mix(int from, int to, double v) {
            return (int) Math.round(from + (to - from) * v);
        }
    }
}
