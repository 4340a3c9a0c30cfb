package org.binaryconnect.dsl;

/** How binary layers turn real-valued weights W into {@code +H / -H} during training. */
public enum Binarization {
    /** {@code Wb = W >= 0 ? +H : -H}. */
    DETERMINISTIC,
    /** {@code Wb = +H} with probability {@code hard_sigmoid(W / H)}, else {@code -H}; resampled every step. */
    STOCHASTIC,
    /** No binarization: every layer trains in full precision (the float baseline). */
    NONE
}
