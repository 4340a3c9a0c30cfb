package org.binaryconnect.runtime.export;

/** The constants of the packed model format, version 1: {@code docs/packed-model-format.md} is the contract. */
final class PackedFormat {

    static final byte[] MAGIC = {'B', 'C', 'P', 'K'};
    static final int VERSION = 1;
    static final int KIND_BINARY = 1;
    static final int KIND_FULL_PRECISION = 2;
    static final int ACTIVATION_IDENTITY = 0;
    static final int ACTIVATION_RELU = 1;
    /** The file name extension of a packed model: the generated inference class reads {@code <Spec>.bcpk}. */
    static final String EXTENSION = ".bcpk";

    private PackedFormat() {
    }

    /** Number of 64-bit words that hold one unit's binary weights. */
    static int words(int inputs) {
        return (inputs + 63) / 64;
    }
}
