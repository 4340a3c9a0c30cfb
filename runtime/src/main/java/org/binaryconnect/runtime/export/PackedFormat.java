package org.binaryconnect.runtime.export;

import org.binaryconnect.inference.PackedModelFormat;

/**
 * The packed model format, version 4, as the exporter writes it: {@code docs/packed-model-format.md} is the
 * contract. Its constants are binaryconnect-inference's {@link PackedModelFormat}, the ones the generated classes'
 * reader checks, so writer and reader cannot disagree; the rest is what only the writer needs.
 */
final class PackedFormat {

    /** 'B' 'C' 'P' 'K' as a big-endian int. */
    static final int MAGIC = PackedModelFormat.MAGIC;
    static final int VERSION = PackedModelFormat.FORMAT_VERSION;
    static final int KIND_BINARY = PackedModelFormat.KIND_BINARY;
    static final int KIND_FULL_PRECISION = PackedModelFormat.KIND_FULL_PRECISION;
    static final int KIND_BINARY_CONV = PackedModelFormat.KIND_BINARY_CONV;
    static final int KIND_FULL_PRECISION_CONV = PackedModelFormat.KIND_FULL_PRECISION_CONV;
    static final int ACTIVATION_IDENTITY = PackedModelFormat.ACTIVATION_IDENTITY;
    static final int ACTIVATION_RELU = PackedModelFormat.ACTIVATION_RELU;
    /** The file name extension of a packed model: the generated inference class reads {@code <Spec>.bcpk}. */
    static final String EXTENSION = ".bcpk";

    private PackedFormat() {
    }

    /** Number of 64-bit words that hold one unit's binary weights in memory. */
    static int words(int inputs) {
        return (inputs + 63) / 64;
    }

    /** Number of bytes that hold one unit's binary weights in the file: rows are byte-aligned, not word-aligned. */
    static int bytesPerUnit(int inputs) {
        return (inputs + 7) / 8;
    }

    /**
     * {@code value} rounded to the nearest f24, the format's type for scale and shift: a float32 whose low 8
     * mantissa bits are 0 (15 stored mantissa bits, relative error at most 2^-16), ties to even. A value at the top
     * of the float range may round to infinity, which the caller rejects as not finite.
     */
    static float roundToF24(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (!Float.isFinite(value)) {
            return value;
        }
        // adding just under half a unit of the last kept bit, plus that bit, rounds the magnitude to nearest even;
        // a carry into the exponent is the correct rounding up to the next binade
        int rounded = (bits + 0x7f + (bits >>> 8 & 1)) & 0xffffff00;
        return Float.intBitsToFloat(rounded);
    }
}
