package org.binaryconnect.runtime.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Access to the native memory of a contiguous float or double {@link INDArray}.
 *
 * <p>Kernels move data in bulk ({@link #load}, {@link #store}) between the native array and heap
 * {@code double[]} scratch arrays and compute there: loops over heap arrays are vectorized by the JIT, while
 * element-by-element access to native buffers is not (measured: an Adam update over 3M floats takes 10.4 ms
 * through a direct FloatBuffer, 1.1 ms over heap arrays). Computing in double lets one kernel serve single
 * precision for training and double precision for gradient checks.
 */
public abstract sealed class Buf permits Buf.F32, Buf.F64 {

    final int length;

    private Buf(int length) {
        this.length = length;
    }

    /** Wraps {@code array}, which must be a contiguous C-order float or double array (a row-range view is fine). */
    public static Buf of(INDArray array) {
        requireContiguous(array);
        int offset = Math.toIntExact(array.offset());
        int length = Math.toIntExact(array.length());
        DataType type = array.dataType();
        if (type == DataType.FLOAT) {
            return new F32(array.data().asNioFloat().position(offset).slice(), length);
        }
        if (type == DataType.DOUBLE) {
            return new F64(array.data().asNioDouble().position(offset).slice(), length);
        }
        throw new IllegalArgumentException("kernels support FLOAT and DOUBLE arrays, got " + type);
    }

    /**
     * The native memory of the contiguous C-order FLOAT {@code array} as a native-order byte buffer, for kernels
     * that read and write it directly with the Vector API. Null when its bytes cannot all be indexed by an int.
     */
    public static ByteBuffer floatBytes(INDArray array) {
        requireContiguous(array);
        if (array.dataType() != DataType.FLOAT || array.length() > Integer.MAX_VALUE / Float.BYTES) {
            return null;
        }
        int offset = Math.toIntExact(array.offset()) * Float.BYTES;
        int length = Math.toIntExact(array.length()) * Float.BYTES;
        return array.data().asNio().position(offset).limit(offset + length).slice().order(ByteOrder.nativeOrder());
    }

    private static void requireContiguous(INDArray array) {
        if (array.ordering() != 'c' || (array.length() > 1 && array.elementWiseStride() != 1)) {
            throw new IllegalArgumentException("kernels need contiguous C-order arrays, got " + array.shapeInfoToString());
        }
    }

    /** Whether every array is single precision, so that a kernel's float path applies. */
    public static boolean singlePrecision(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array.dataType() != DataType.FLOAT) {
                return false;
            }
        }
        return true;
    }

    /** {@code array}'s elements in the float scratch array of {@code slot}; {@code array} must be FLOAT. */
    public static float[] loadFloats(INDArray array, int slot) {
        F32 buf = (F32) of(array);
        float[] values = Scratch.floats(slot, buf.length);
        buf.loadFloats(0, values, buf.length);
        return values;
    }

    /** Writes {@code values[0, length)} into the FLOAT {@code array}. */
    public static void storeFloats(INDArray array, float[] values) {
        F32 buf = (F32) of(array);
        buf.storeFloats(0, values, buf.length);
    }

    public final int length() {
        return length;
    }

    public abstract double get(int i);

    public abstract void set(int i, double value);

    /** Copies elements {@code [from, from + count)} into {@code into[0, count)}. */
    public abstract void load(int from, double[] into, int count);

    /** Copies {@code values[0, count)} into elements {@code [from, from + count)}. */
    public abstract void store(int from, double[] values, int count);

    /** All elements in a scratch array of {@code slot} (valid until the next use of that slot on this thread). */
    public final double[] loadAll(int slot) {
        double[] values = Scratch.doubles(slot, length);
        load(0, values, length);
        return values;
    }

    public final void storeAll(double[] values) {
        store(0, values, length);
    }

    /**
     * A single-precision array. The largest kernels (binarization, optimizer updates) also have float paths over
     * it: widening to double and back costs more than their arithmetic.
     */
    public static final class F32 extends Buf {
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

        /** Copies elements {@code [from, from + count)} into {@code into[0, count)} without conversion. */
        public void loadFloats(int from, float[] into, int count) {
            data.get(from, into, 0, count);
        }

        /** Copies {@code values[0, count)} into elements {@code [from, from + count)} without conversion. */
        public void storeFloats(int from, float[] values, int count) {
            data.put(from, values, 0, count);
        }

        /** Copies elements {@code [from, from + count)} into {@code into[at, at + count)}. */
        void loadFloats(int from, float[] into, int at, int count) {
            data.get(from, into, at, count);
        }

        /** Copies {@code values[at, at + count)} into elements {@code [from, from + count)}. */
        void storeFloats(int from, float[] values, int at, int count) {
            data.put(from, values, at, count);
        }

        @Override
        public void load(int from, double[] into, int count) {
            float[] staging = Scratch.staging(count);
            data.get(from, staging, 0, count);
            for (int i = 0; i < count; i++) {
                into[i] = staging[i];
            }
        }

        @Override
        public void store(int from, double[] values, int count) {
            float[] staging = Scratch.staging(count);
            for (int i = 0; i < count; i++) {
                staging[i] = (float) values[i];
            }
            data.put(from, staging, 0, count);
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

        @Override
        public void load(int from, double[] into, int count) {
            data.get(from, into, 0, count);
        }

        @Override
        public void store(int from, double[] values, int count) {
            data.put(from, values, 0, count);
        }

        /** Copies elements {@code [from, from + count)} into {@code into[at, at + count)}. */
        void loadDoubles(int from, double[] into, int at, int count) {
            data.get(from, into, at, count);
        }

        /** Copies {@code values[at, at + count)} into elements {@code [from, from + count)}. */
        void storeDoubles(int from, double[] values, int at, int count) {
            data.put(from, values, at, count);
        }
    }
}
