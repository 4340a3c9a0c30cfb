package org.binaryconnect.runtime.optim;

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
    private final float[] values = Scratch.floats(0, Scratch.CHUNK);
    private final float[] gradients = Scratch.floats(1, Scratch.CHUNK);
    private final float[] firstMoments = Scratch.floats(2, Scratch.CHUNK);
    private final float[] secondMoments = Scratch.floats(3, Scratch.CHUNK);
    private final int end;
    private int from;
    private int count;

    /** Streams elements {@code [start, end)}; {@code start} is a multiple of {@link Scratch#CHUNK}. */
    SinglePrecisionChunks(Parameter parameter, int start, int end) {
        this.end = end;
        this.from = start - Scratch.CHUNK;
        this.value = (Buf.F32) Buf.of(parameter.value());
        this.gradient = (Buf.F32) Buf.of(parameter.gradient());
        this.firstMoment = (Buf.F32) Buf.of(parameter.firstMoment());
        this.secondMoment = (Buf.F32) Buf.of(parameter.secondMoment());
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

    void storeValuesAndMoments() {
        value.storeFloats(from, values, count);
        firstMoment.storeFloats(from, firstMoments, count);
        secondMoment.storeFloats(from, secondMoments, count);
    }
}
