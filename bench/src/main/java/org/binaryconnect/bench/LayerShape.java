package org.binaryconnect.bench;

/**
 * The matrix products of one layer. A dense layer multiplies the batch by its {@code inputs x outputs} weights once
 * per step ({@code positions} 1). A convolution runs as im2col and one product per sample: its
 * {@code outputs x inputs} weights ({@code filters x c_in*k*k}) times the sample's {@code inputs x positions}
 * columns, {@code positions} being the convolution's output positions (before any pooling).
 */
record LayerShape(int inputs, int outputs, int positions) {

    LayerShape {
        if (inputs < 1 || outputs < 1 || positions < 1) {
            throw new IllegalArgumentException("a layer needs positive sizes, got " + inputs + " x " + outputs
                    + " at " + positions + " positions");
        }
    }

    static LayerShape dense(int inputs, int outputs) {
        return new LayerShape(inputs, outputs, 1);
    }

    /** A convolution of {@code filters} filters over {@code fanIn = c_in * k * k} inputs at {@code positions}. */
    static LayerShape convolution(int fanIn, int filters, int positions) {
        return new LayerShape(fanIn, filters, positions);
    }

    boolean isConvolution() {
        return positions > 1;
    }

    /** Multiply-adds of one sample through this layer's product, counted as two FLOPs each. */
    long flops() {
        return 2L * inputs * outputs * positions;
    }
}
