package org.binaryconnect.dsl;

/** Elementwise nonlinearities for {@link Activation}. */
public enum Nonlinearity {
    IDENTITY,
    RELU
}
