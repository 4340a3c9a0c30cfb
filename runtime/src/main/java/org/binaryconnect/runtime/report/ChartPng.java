package org.binaryconnect.runtime.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** Renders charts to PNG bytes, headless, with the report's plain look. */
final class ChartPng {

    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private ChartPng() {
    }

    /**
     * Makes AWT headless. Called before any chart class is touched: training runs in a forked JVM on build machines
     * without a display, where AWT would otherwise look for one; rendering into an image never needs it. It has no
     * effect once AWT has started, which is harmless where a display exists.
     */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static void plainLook(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
    }

    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(png, chart, width, height);
        return png.toByteArray();
    }
}
