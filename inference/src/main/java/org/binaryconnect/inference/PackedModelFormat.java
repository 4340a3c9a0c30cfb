package org.binaryconnect.inference;

/**
 * The constants of the packed model format, version 4 ({@code docs/packed-model-format.md} is the contract): the
 * exporter writes them and {@link PackedModelReader} checks them, so both sides share this one definition.
 */
public final class PackedModelFormat {

    /** The first four bytes of a packed model, 'B' 'C' 'P' 'K', read as a big-endian int. */
    public static final int MAGIC = 0x4243504b;

    /** The format version the exporter writes and the reader reads; it rejects every other version. */
    public static final int FORMAT_VERSION = 4;

    /** Layer kind: a dense layer with one sign bit per weight. */
    public static final int KIND_BINARY = 1;

    /** Layer kind: a dense layer with float weights. */
    public static final int KIND_FULL_PRECISION = 2;

    /** Layer kind: a conv layer with one sign bit per weight. */
    public static final int KIND_BINARY_CONV = 3;

    /** Layer kind: a conv layer with float weights. */
    public static final int KIND_FULL_PRECISION_CONV = 4;

    /** Input pipeline step flag: global contrast normalisation, its scale follows. */
    public static final int STEP_CONTRAST_NORMALIZATION = 1;

    /** Input pipeline step flag: centering, the means follow. */
    public static final int STEP_CENTERING = 2;

    /** Input pipeline step flag: ZCA whitening, its mean and matrix follow. */
    public static final int STEP_WHITENING = 4;

    /** Activation code: the layer's output is its affine map. */
    public static final int ACTIVATION_IDENTITY = 0;

    /** Activation code: the layer's output is {@code max(0, affine map)}. */
    public static final int ACTIVATION_RELU = 1;

    private PackedModelFormat() {
    }

    /** A dense layer kind's name as messages write it; conv kinds are "unknown" where a dense layer is declared. */
    static String denseKindName(int kind) {
        return kind == KIND_BINARY ? "binary dense"
                : kind == KIND_FULL_PRECISION ? "full-precision dense" : "unknown kind " + kind;
    }

    /** A conv layer kind's name as messages write it; dense kinds are "unknown" where a conv layer is declared. */
    static String convKindName(int kind) {
        return kind == KIND_BINARY_CONV ? "binary conv"
                : kind == KIND_FULL_PRECISION_CONV ? "full-precision conv" : "unknown kind " + kind;
    }

    /** The name of an activation code as messages write it. */
    static String activationName(int activation) {
        return activation == ACTIVATION_IDENTITY ? "identity"
                : activation == ACTIVATION_RELU ? "relu" : "unknown activation " + activation;
    }
}
