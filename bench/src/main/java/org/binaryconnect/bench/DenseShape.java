package org.binaryconnect.bench;

/** A dense layer's weight matrix: {@code inputs x outputs}. */
record DenseShape(int inputs, int outputs) {

    DenseShape {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a dense layer needs positive sizes, got " + inputs + " x " + outputs);
        }
    }

    /** Multiply-adds of one sample through this layer's product, counted as two FLOPs each. */
    long flops() {
        return 2L * inputs * outputs;
    }
}
