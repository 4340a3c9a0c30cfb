package org.binaryconnect.processor;

import java.util.Locale;

/** The names of everything generated for one layer, derived from its spec field's name. */
record LayerNames(String layer) {

    String constant(String suffix) {
        return upperSnake(layer) + "_" + suffix;
    }

    String field(String suffix) {
        return layer + suffix;
    }

    String weights() {
        return field("Weights");
    }

    String bias() {
        return field("Bias");
    }

    String gamma() {
        return field("Gamma");
    }

    String beta() {
        return field("Beta");
    }

    /** {@code x Wb + b}, kept apart from the output only when batch norm needs it. */
    String z() {
        return field("Z");
    }

    String normalized() {
        return field("Normalized");
    }

    String batchMean() {
        return field("BatchMean");
    }

    String batchStd() {
        return field("BatchStd");
    }

    String runningMean() {
        return field("RunningMean");
    }

    String runningStd() {
        return field("RunningStd");
    }

    String output() {
        return field("Output");
    }

    String mask() {
        return field("Mask");
    }

    String delta() {
        return field("Delta");
    }

    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
