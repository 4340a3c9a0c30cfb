package org.binaryconnect.dsl;

/** Which weights a trained network uses when it is evaluated. */
public enum EvaluationWeights {
    /** {@link #BINARY} for deterministic binarization, {@link #REAL} otherwise, as the authors did. */
    AUTO,
    /** Deterministic binary weights {@code W >= 0 ? +H : -H}: the network that ships. */
    BINARY,
    /** The real-valued weights W. */
    REAL,
    /** The average output of several stochastically sampled binary networks. */
    SAMPLED_AVERAGE
}
