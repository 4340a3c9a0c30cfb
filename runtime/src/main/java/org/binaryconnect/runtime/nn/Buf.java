package org.binaryconnect.runtime.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Direct element access to a contiguous float or double {@link INDArray}, so that elementwise kernels are
 * written once, run as plain Java loops over the native memory (no ND4J op overhead, no allocation), and
 * work in single precision for training and double precision for gradient checks.
 */
public abstract sealed class Buf permits Buf.F32, Buf.F64 {

    final int length;

    private Buf(int length) {
        this.length = length;
    }

    /** Wraps {@code array}, which must be a contiguous C-order float or double array (a row-range view is fine). */
    public static Buf of(INDArray array) {
        if (array.ordering() != 'c' || (array.length() > 1 && array.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("kernels need contiguous C-order arrays, got " + array.shapeInfoToString());
        }
        long offset = array.offset();
        int length = Math.toIntExact(array.length());
        DataType type = array.dataType();
        if (type == DataType.FLOAT) {
            FloatBuffer all = array.data().asNioFloat();
            return new F32(all.position(Math.toIntExact(offset)).slice(), length);
        }
        if (type == DataType.DOUBLE) {
            DoubleBuffer all = array.data().asNioDouble();
            return new F64(all.position(Math.toIntExact(offset)).slice(), length);
        }
        throw new IllegalArgumentException("kernels support FLOAT and DOUBLE arrays, got " + type);
    }

    public final int length() {
        return length;
    }

    public abstract double get(int i);

    public abstract void set(int i, double value);

    static final class F32 extends Buf {
        private final FloatBuffer data;

        F32(FloatBuffer data, int length) {
            super(length);
            this.data = data;
        }

        @Override
        public double get(int i) {
            return data.get(i);
        }

        @Override
        public void set(int i, double value) {
            data.put(i, (float) value);
        }
    }

    static final class F64 extends Buf {
        private final DoubleBuffer data;

        F64(DoubleBuffer data, int length) {
            super(length);
            this.data = data;
        }

        @Override
        public double get(int i) {
            return data.get(i);
        }

        @Override
        public void set(int i, double value) {
            data.put(i, value);
        }
    }
}
