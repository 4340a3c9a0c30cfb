package org.binaryconnect.runtime.optim;

import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.nn.Scratch;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@link ParameterChunks} for single-precision parameters, in float arrays, without conversions, over one range of
 * elements so that {@link org.binaryconnect.runtime.nn.Parallel} can give each thread its own.
 */
final class SinglePrecisionChunks {

    private final Buf.F32 value;
    private final Buf.F32 gradient;
    private final Buf.F32 firstMoment;
    private final Buf.F32 secondMoment;
    private final Buf.F32 propagated;
    private final Binarization binarization;
    private final float h;
    private final long binarizationStream;
    private final float[] values = Scratch.floats(0, Scratch.CHUNK);
    private final float[] gradients = Scratch.floats(1, Scratch.CHUNK);
    private final float[] firstMoments = Scratch.floats(2, Scratch.CHUNK);
    private final float[] secondMoments = Scratch.floats(3, Scratch.CHUNK);
    private final float[] binaries = Scratch.floats(4, Scratch.CHUNK);
    private final int end;
    private int from;
    private int count;

    /**
     * Streams elements {@code [start, end)}; {@code start} is a multiple of {@link Scratch#CHUNK};
     * {@code binarizationStream} is what {@link Parameter#reserveBinarizationDraws()} returned for this update.
     */
    SinglePrecisionChunks(Parameter parameter, int start, int end, long binarizationStream) {
        this.end = end;
        this.from = start - Scratch.CHUNK;
        this.value = (Buf.F32) Buf.of(parameter.value());
        this.gradient = (Buf.F32) Buf.of(parameter.gradient());
        this.firstMoment = (Buf.F32) Buf.of(parameter.firstMoment());
        this.secondMoment = (Buf.F32) Buf.of(parameter.secondMoment());
        this.binarization = parameter.binarizationAfterUpdate();
        this.propagated = binarization == Binarization.NONE ? null : (Buf.F32) Buf.of(parameter.propagated());
        this.h = (float) parameter.h();
        this.binarizationStream = binarizationStream;
    }

    /** Number of elements of {@code parameter}. */
    static int length(Parameter parameter) {
        return Math.toIntExact(parameter.value().length());
    }

    /** Whether every array of {@code parameter} is single precision. */
    static boolean applies(Parameter parameter) {
        return parameter.value().dataType() == DataType.FLOAT
                && parameter.gradient().dataType() == DataType.FLOAT;
    }

    /** Clips {@code w[0, count)} to {@code [-h, h]}. */
    static void clip(float[] w, int count, float h) {
        for (int i = 0; i < count; i++) {
            w[i] = Math.max(-h, Math.min(h, w[i]));
        }
    }

    boolean next() {
        from += Scratch.CHUNK;
        if (from >= end) {
            return false;
        }
        count = Math.min(Scratch.CHUNK, end - from);
        value.loadFloats(from, values, count);
        gradient.loadFloats(from, gradients, count);
        firstMoment.loadFloats(from, firstMoments, count);
        secondMoment.loadFloats(from, secondMoments, count);
        return true;
    }

    int count() {
        return count;
    }

    float[] values() {
        return values;
    }

    float[] gradients() {
        return gradients;
    }

    float[] firstMoments() {
        return firstMoments;
    }

    float[] secondMoments() {
        return secondMoments;
    }

    /**
     * Writes the chunk's updated values and moments back and, when the parameter asks for it, its binarization for
     * the next step, computed while the chunk is still in cache.
     */
    void store() {
        value.storeFloats(from, values, count);
        firstMoment.storeFloats(from, firstMoments, count);
        secondMoment.storeFloats(from, secondMoments, count);
        if (binarization == Binarization.DETERMINISTIC) {
            Binarize.deterministicChunk(values, binaries, count, h);
        } else if (binarization == Binarization.STOCHASTIC) {
            Binarize.stochasticChunk(values, binaries, count, h, binarizationStream, from);
        } else {
            return;
        }
        propagated.storeFloats(from, binaries, count);
    }
}
