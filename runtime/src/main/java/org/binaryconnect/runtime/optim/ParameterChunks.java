package org.binaryconnect.runtime.optim;

import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.nn.Scratch;

/**
 * Streams a parameter's value, gradient and optimizer moments through heap scratch arrays chunk by chunk, so that
 * an optimizer's update is one vectorized pass over memory whatever the parameter's size.
 */
final class ParameterChunks {

    private final Buf value;
    private final Buf gradient;
    private final Buf firstMoment;
    private final Buf secondMoment;
    private final double[] values = Scratch.doubles(0, Scratch.CHUNK);
    private final double[] gradients = Scratch.doubles(1, Scratch.CHUNK);
    private final double[] firstMoments = Scratch.doubles(2, Scratch.CHUNK);
    private final double[] secondMoments = Scratch.doubles(3, Scratch.CHUNK);
    private int from;
    private int count;

    ParameterChunks(Parameter parameter) {
        this.value = Buf.of(parameter.value());
        this.gradient = Buf.of(parameter.gradient());
        this.firstMoment = Buf.of(parameter.firstMoment());
        this.secondMoment = Buf.of(parameter.secondMoment());
        this.from = -Scratch.CHUNK;
    }

    /** Loads the next chunk; false when the parameter is done. */
    boolean next() {
        from += Scratch.CHUNK;
        if (from >= value.length()) {
            return false;
        }
        count = Math.min(Scratch.CHUNK, value.length() - from);
        value.load(from, values, count);
        gradient.load(from, gradients, count);
        firstMoment.load(from, firstMoments, count);
        secondMoment.load(from, secondMoments, count);
        return true;
    }

    int count() {
        return count;
    }

    double[] values() {
        return values;
    }

    double[] gradients() {
        return gradients;
    }

    double[] firstMoments() {
        return firstMoments;
    }

    double[] secondMoments() {
        return secondMoments;
    }

    /** Writes the current chunk's values and moments back (the gradient is only read). */
    void storeValuesAndMoments() {
        value.store(from, values, count);
        firstMoment.store(from, firstMoments, count);
        secondMoment.store(from, secondMoments, count);
    }
}
