package org.binaryconnect.dsl;

/** How a {@link Conv2D} layer treats the borders of its input. */
public enum Padding {
    /**
     * Zero padding so that the output has {@code ceil(input / stride)} rows and columns (TensorFlow's rule; the
     * authors' {@code pad = 1} for 3x3 kernels at stride 1). An odd total padding puts the extra row and column at
     * the bottom and right.
     */
    SAME,
    /** No padding: the output has {@code floor((input - kernel) / stride) + 1} rows and columns. */
    VALID
}
