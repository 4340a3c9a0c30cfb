package org.binaryconnect.runtime.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.run.EpochResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code learning-curves.png}: the mean training loss per epoch above, validation and test accuracy per epoch below
 * (and the test accuracy with binary weights where it was measured apart from the evaluation weights'),
 * on one epoch axis, the best epoch marked. Loss and accuracy get a plot each because their scales have nothing in common.
 */
final class LearningCurvesChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 640;

    private static final Color LOSS = new Color(0x1F, 0x77, 0xB4);
    private static final Color VALIDATION = new Color(0xFF, 0x7F, 0x0E);
    private static final Color TEST = new Color(0x2C, 0xA0, 0x2C);
    private static final Color TEST_BINARY = new Color(0xD6, 0x27, 0x28);

    private LearningCurvesChart() {
    }

    /** @param best the epoch whose state is the model, marked on the accuracy plot */
    static byte[] png(String network, List<EpochResult> epochs, int best) throws IOException {
        ChartPng.headless();
        XYSeries loss = new XYSeries("training loss");
        XYSeries validation = new XYSeries("validation accuracy");
        XYSeries test = new XYSeries("test accuracy");
        XYSeries testBinary = new XYSeries("test accuracy, binary weights (exported)");
        for (EpochResult epoch : epochs) {
            if (epoch.binaryApart()) {
                testBinary.add(epoch.epoch(), epoch.testBinaryAccuracy());
            }
            loss.add(epoch.epoch(), epoch.trainLoss());
            // Without validation samples there is no validation accuracy: the series stays empty, not a row of NaN.
            if (!Double.isNaN(epoch.validationAccuracy())) {
                validation.add(epoch.epoch(), epoch.validationAccuracy());
            }
            test.add(epoch.epoch(), epoch.testAccuracy());
        }
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(12);
        plot.add(subplot("training loss", new XYSeriesCollection(loss), LOSS), 1);
        XYSeriesCollection accuracies = new XYSeriesCollection();
        List<Color> colors = new ArrayList<>();
        if (!validation.isEmpty()) {
            accuracies.addSeries(validation);
            colors.add(VALIDATION);
        }
        accuracies.addSeries(test);
        colors.add(TEST);
        // only where it differs in kind from the test accuracy (a stochastic network): else the same line twice
        if (!testBinary.isEmpty()) {
            accuracies.addSeries(testBinary);
            colors.add(TEST_BINARY);
        }
        XYPlot accuracyPlot = subplot("accuracy", accuracies, colors.toArray(Color[]::new));
        ValueMarker marker = new ValueMarker(best, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        marker.setLabel("best");
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        accuracyPlot.addDomainMarker(marker);
        plot.add(accuracyPlot, 1);
        JFreeChart chart = new JFreeChart("Learning curves of " + network, JFreeChart.DEFAULT_TITLE_FONT, plot,
                true);
        return ChartPng.png(chart, WIDTH, HEIGHT);
    }

    private static XYPlot subplot(String label, XYSeriesCollection series, Color... colors) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        // Shapes too: a run of one epoch has no line to draw, only a point.
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(series, null, axis, renderer);
        ChartPng.plainLook(plot);
        return plot;
    }
}
