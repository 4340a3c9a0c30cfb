package org.binaryconnect.processor;

import java.util.Locale;

/**
 * H or W_LR_scale as declared: a positive number, or {@code "Glorot"}, which depends on each layer's fan-in
 * and fan-out (the authors' {@code sqrt(1.5 / (fan_in + fan_out))} for H and its inverse for the scale).
 *
 * @param number the declared number, or NaN for Glorot
 */
record ScaleSetting(double number) {

    static final ScaleSetting GLOROT = new ScaleSetting(Double.NaN);

    /** The setting {@code text} declares, or null when it is neither a positive finite number nor "Glorot". */
    static ScaleSetting parse(String text) {
        String trimmed = text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("glorot")) {
            return GLOROT;
        }
        try {
            double value = Double.parseDouble(trimmed);
            return value > 0 && !Double.isInfinite(value) ? new ScaleSetting(value) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean isGlorot() {
        return Double.isNaN(number);
    }

    double asH(int fanIn, int fanOut) {
        return isGlorot() ? Math.sqrt(1.5 / (fanIn + fanOut)) : number;
    }

    /** Java source computing {@link #asH}, so the generated constant shows where it comes from. */
    String asHExpression(int fanIn, int fanOut) {
        return isGlorot() ? "Math.sqrt(1.5 / (" + fanIn + " + " + fanOut + "))" : Double.toString(number);
    }

    double asLearningRateScale(int fanIn, int fanOut) {
        return isGlorot() ? 1 / Math.sqrt(1.5 / (fanIn + fanOut)) : number;
    }

    String asLearningRateScaleExpression(int fanIn, int fanOut) {
        return isGlorot() ? "1 / Math.sqrt(1.5 / (" + fanIn + " + " + fanOut + "))" : Double.toString(number);
    }
}
