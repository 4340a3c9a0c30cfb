package org.binaryconnect.runtime.export;

import java.util.Optional;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

/**
 * One layer as the packed format holds it: unit-major weights (bits or floats) and the folded per-unit affine map.
 * Arrays are shared, not copied: the record is built once by {@link PackedModel} and only read afterwards.
 *
 * <p>A conv layer is held as a dense layer over one receptive field: {@code inputs} is the fan-in
 * {@code channels * kernel * kernel} (in the order channel, kernel row, kernel column, as {@link ConvShape}'s
 * weights), {@code units} the filters, and scale and shift are per filter, applied after the max-pool.
 *
 * @param bits binary layers: {@code units * words(inputs)} words, bit {@code i % 64} of word
 *     {@code j * words + i / 64} set where W[i][j] >= 0; null for full precision. The file holds each unit's
 *     row byte-aligned instead ({@link PackedFormat#bytesPerUnit}): the words' little-endian bytes, padding cut
 * @param scale the folded scale, already rounded to f24 ({@link PackedFormat#roundToF24})
 * @param shift the folded shift, already rounded to f24
 * @param weights full-precision layers: {@code units * inputs} floats, {@code W[i][j]} at {@code j * inputs + i};
 *     null for binary layers
 * @param convolution a conv layer's geometry; empty for a dense layer
 * @param pool the max-pool of a conv layer, before scale and shift; empty for none
 */
record PackedLayer(String name, boolean binary, int inputs, int units, Nonlinearity activation, float h,
        long[] bits, float[] weights, float[] scale, float[] shift, Optional<ConvShape> convolution,
        Optional<PoolShape> pool) {

    boolean isConv() {
        return convolution.isPresent();
    }

    /** Values per sample the layer reads: a conv layer's whole {@code C x H x W} input. */
    int inputSize() {
        return convolution.map(ConvShape::inputSize).orElse(inputs);
    }

    /** Values per sample the layer writes: a conv layer's {@code filters x height x width} after any pool. */
    int outputSize() {
        if (pool.isPresent()) {
            return pool.get().outputSize();
        }
        return convolution.map(ConvShape::outputSize).orElse(units);
    }

    /** The format's layer kind: binary or full-precision, dense or conv. */
    int kind() {
        if (isConv()) {
            return binary ? PackedFormat.KIND_BINARY_CONV : PackedFormat.KIND_FULL_PRECISION_CONV;
        }
        return binary ? PackedFormat.KIND_BINARY : PackedFormat.KIND_FULL_PRECISION;
    }

    int words() {
        return PackedFormat.words(inputs);
    }

    /** Whether the sign of input {@code i} of unit {@code j} is +1 (binary layers). */
    boolean bit(int j, int i) {
        return (bits[j * words() + i / 64] >>> (i % 64) & 1L) != 0;
    }

    /** The weight the layer multiplies input {@code i} of unit {@code j} by before {@link #scale}: +-1 or W. */
    double sign(int j, int i) {
        return binary ? (bit(j, i) ? 1.0 : -1.0) : weights[j * inputs + i];
    }

    int activationCode() {
        return activation == Nonlinearity.RELU ? PackedFormat.ACTIVATION_RELU : PackedFormat.ACTIVATION_IDENTITY;
    }
}
