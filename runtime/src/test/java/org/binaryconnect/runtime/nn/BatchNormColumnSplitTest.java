package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The single-precision batch norm kernels split their columns over both cores: each column must come out bit for
 * bit as the one-thread loops computed it (the same sums in the same order), so that training results do not move.
 */
class BatchNormColumnSplitTest {

    private static final float EPSILON = 1e-4f;

    @ParameterizedTest
    @CsvSource({"100, 2048", "100, 1024", "100, 10", "7, 33", "1000, 50"})
    void forwardAndBackwardMatchTheOneThreadLoopsBitForBit(int rows, int units) {
        Random random = new Random(rows * 31L + units);
        float[] z = randoms(random, rows * units, 3f);
        float[] gamma = randoms(random, units, 1f);
        float[] beta = randoms(random, units, 1f);
        float[] dy = randoms(random, rows * units, 1f);
        z[5 % z.length] = 0; // a column with a repeated value somewhere

        INDArray zArray = Nd4j.create(z, new long[] {rows, units}, DataType.FLOAT);
        INDArray gammaArray = Nd4j.create(gamma, new long[] {units}, DataType.FLOAT);
        INDArray betaArray = Nd4j.create(beta, new long[] {units}, DataType.FLOAT);
        INDArray mean = Nd4j.zeros(DataType.FLOAT, units);
        INDArray std = Nd4j.zeros(DataType.FLOAT, units);
        INDArray xhat = Nd4j.zeros(DataType.FLOAT, rows, units);
        INDArray out = Nd4j.zeros(DataType.FLOAT, rows, units);
        BatchNormKernels.forwardTraining(zArray, gammaArray, betaArray, mean, std, xhat, out, EPSILON);

        float[] expectedMean = new float[units];
        float[] expectedStd = new float[units];
        float[] expectedXhat = new float[rows * units];
        float[] expectedOut = z.clone();
        referenceForward(expectedOut, gamma, beta, expectedMean, expectedStd, expectedXhat, units);
        assertBits(expectedMean, mean.data().asFloat(), "batch mean");
        assertBits(expectedStd, std.data().asFloat(), "batch std");
        assertBits(expectedXhat, xhat.data().asFloat(), "xhat");
        assertBits(expectedOut, out.data().asFloat(), "out");

        INDArray delta = Nd4j.create(dy, new long[] {rows, units}, DataType.FLOAT);
        INDArray dGamma = Nd4j.zeros(DataType.FLOAT, units);
        INDArray dBeta = Nd4j.zeros(DataType.FLOAT, units);
        BatchNormKernels.backward(delta, xhat, std, gammaArray, dGamma, dBeta, EPSILON);

        float[] expectedDelta = dy.clone();
        float[] expectedDGamma = new float[units];
        float[] expectedDBeta = new float[units];
        referenceBackward(expectedDelta, expectedXhat, expectedStd, gamma, expectedDGamma, expectedDBeta, units);
        assertBits(expectedDelta, delta.data().asFloat(), "delta");
        assertBits(expectedDGamma, dGamma.data().asFloat(), "gamma gradient");
        assertBits(expectedDBeta, dBeta.data().asFloat(), "beta gradient");
    }

    private static float[] randoms(Random random, int length, float scale) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (random.nextFloat() - 0.5f) * scale;
        }
        return values;
    }

    private static void assertBits(float[] expected, float[] actual, String what) {
        int[] e = new int[expected.length];
        int[] a = new int[actual.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Float.floatToRawIntBits(expected[i]);
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = Float.floatToRawIntBits(actual[i]);
        }
        assertArrayEquals(e, a, what);
    }

    /** The one-thread forward loops as they were before the column split. */
    private static void referenceForward(float[] values, float[] g, float[] b, float[] mean, float[] std,
            float[] normalized, int units) {
        int length = values.length;
        int rows = length / units;
        float[] scale = new float[units];
        for (int base = 0; base < length; base += units) {
            for (int j = 0; j < units; j++) {
                mean[j] += values[base + j];
            }
        }
        for (int j = 0; j < units; j++) {
            mean[j] /= rows;
        }
        for (int base = 0; base < length; base += units) {
            for (int j = 0; j < units; j++) {
                float d = values[base + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < units; j++) {
            std[j] = (float) Math.sqrt(std[j] / rows);
            scale[j] = 1 / (std[j] + EPSILON);
        }
        for (int base = 0; base < length; base += units) {
            for (int j = 0; j < units; j++) {
                float x = (values[base + j] - mean[j]) * scale[j];
                normalized[base + j] = x;
                values[base + j] = g[j] * x + b[j];
            }
        }
    }

    /** The one-thread backward loops as they were before the column split. */
    private static void referenceBackward(float[] deltas, float[] normalized, float[] std, float[] g, float[] dg,
            float[] db, int units) {
        int length = deltas.length;
        int rows = length / units;
        float[] centeredScale = new float[units];
        float[] stdScale = new float[units];
        for (int base = 0; base < length; base += units) {
            for (int j = 0; j < units; j++) {
                float dy = deltas[base + j];
                db[j] += dy;
                dg[j] += dy * normalized[base + j];
            }
        }
        for (int j = 0; j < units; j++) {
            centeredScale[j] = g[j] / (std[j] + EPSILON);
            stdScale[j] = std[j] > 0 ? g[j] * dg[j] / (rows * std[j]) : 0;
            db[j] /= rows;
        }
        for (int base = 0; base < length; base += units) {
            for (int j = 0; j < units; j++) {
                deltas[base + j] = centeredScale[j] * (deltas[base + j] - db[j]) - stdScale[j] * normalized[base + j];
            }
        }
        for (int j = 0; j < units; j++) {
            db[j] *= rows;
        }
    }
}
