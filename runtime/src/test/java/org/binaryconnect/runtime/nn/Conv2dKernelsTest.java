package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.binaryconnect.dsl.Padding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The im2col convolution against a direct loop, and its three gradients against finite differences in double. */
class Conv2dKernelsTest {

    private static final int BATCH = 3;

    static INDArray forward(ConvShape s, INDArray x, INDArray w, INDArray b) {
        INDArray out = Nd4j.create(x.dataType(), x.size(0), s.outputSize());
        Conv2dKernels.forward(s, x, w, b, out, Nd4j.create(x.dataType(), s.fanIn(), s.outPlane()));
        return out;
    }

    /** The textbook definition, with padding as explicit bounds checks. */
    static double direct(ConvShape s, INDArray x, INDArray w, INDArray b, int n, int f, int oy, int ox) {
        double sum = b.getDouble(f);
        for (int c = 0; c < s.channels(); c++) {
            for (int ky = 0; ky < s.kernel(); ky++) {
                for (int kx = 0; kx < s.kernel(); kx++) {
                    int iy = oy * s.stride() - s.padTop() + ky;
                    int ix = ox * s.stride() - s.padLeft() + kx;
                    if (iy >= 0 && iy < s.height() && ix >= 0 && ix < s.width()) {
                        sum += w.getDouble(f, (c * s.kernel() + ky) * s.kernel() + kx)
                                * x.getDouble(n, (c * s.height() + iy) * s.width() + ix);
                    }
                }
            }
        }
        return sum;
    }

    @Test
    void sameAndValidOutputSizesFollowTheTensorFlowRules() {
        ConvShape same = ConvShape.of(3, 32, 32, 8, 3, 1, Padding.SAME);
        assertEquals(32, same.outHeight());
        assertEquals(1, same.padTop());
        ConvShape sameStrided = ConvShape.of(1, 7, 8, 2, 3, 2, Padding.SAME);
        assertEquals(4, sameStrided.outHeight());
        assertEquals(4, sameStrided.outWidth());
        assertEquals(1, sameStrided.padTop());
        assertEquals(0, sameStrided.padLeft());
        ConvShape valid = ConvShape.of(1, 28, 28, 4, 5, 1, Padding.VALID);
        assertEquals(24, valid.outHeight());
        assertEquals(3, ConvShape.of(1, 7, 7, 1, 3, 2, Padding.VALID).outWidth());
        assertThrows(IllegalArgumentException.class, () -> ConvShape.of(1, 3, 3, 1, 5, 1, Padding.VALID));
    }

    @ParameterizedTest(name = "{0} stride {1}, {2}")
    @CsvSource({"SAME, 1, DOUBLE", "SAME, 2, DOUBLE", "VALID, 1, DOUBLE", "VALID, 2, DOUBLE", "SAME, 1, FLOAT",
        "SAME, 2, FLOAT", "VALID, 2, FLOAT"})
    void forwardMatchesTheDirectDefinition(Padding padding, int stride, DataType type) {
        ConvShape s = ConvShape.of(2, 7, 6, 3, 3, stride, padding);
        Rng rng = new Rng(17);
        INDArray x = GradientCheck.uniform(rng, -1, 1, BATCH, s.inputSize()).castTo(type);
        INDArray w = GradientCheck.uniform(rng, -1, 1, s.filters(), s.fanIn()).castTo(type);
        INDArray b = GradientCheck.uniform(rng, -1, 1, s.filters()).castTo(type);
        INDArray out = forward(s, x, w, b);
        double tolerance = type == DataType.DOUBLE ? 1e-12 : 1e-5;
        for (int n = 0; n < BATCH; n++) {
            for (int f = 0; f < s.filters(); f++) {
                for (int oy = 0; oy < s.outHeight(); oy++) {
                    for (int ox = 0; ox < s.outWidth(); ox++) {
                        assertEquals(direct(s, x, w, b, n, f, oy, ox),
                                out.getDouble(n, (f * s.outHeight() + oy) * s.outWidth() + ox), tolerance,
                                "n=" + n + " f=" + f + " y=" + oy + " x=" + ox);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} stride {1} kernel {2}")
    @CsvSource({"SAME, 1, 3", "SAME, 2, 3", "VALID, 1, 3", "VALID, 2, 3", "SAME, 1, 5", "SAME, 2, 2",
        "VALID, 2, 2"})
    void gradientsForInputWeightsAndBiasMatchFiniteDifferences(Padding padding, int stride, int kernel) {
        ConvShape s = ConvShape.of(2, 7, 6, 3, kernel, stride, padding);
        Rng rng = new Rng(29 + stride + kernel);
        INDArray x = GradientCheck.uniform(rng, -1, 1, BATCH, s.inputSize());
        INDArray w = GradientCheck.uniform(rng, -1, 1, s.filters(), s.fanIn());
        Binarize.deterministic(w, w, 0.5);
        INDArray b = GradientCheck.uniform(rng, -1, 1, s.filters());
        INDArray r = GradientCheck.uniform(rng, -1, 1, BATCH, s.outputSize());
        GradientCheck.ScalarFunction loss = () -> GradientCheck.dot(forward(s, x, w, b), r);

        INDArray columns = Nd4j.create(DataType.DOUBLE, s.fanIn(), s.outPlane());
        INDArray dx = Nd4j.create(DataType.DOUBLE, BATCH, s.inputSize()).assign(99);
        INDArray dw = Nd4j.create(DataType.DOUBLE, s.filters(), s.fanIn()).assign(99);
        INDArray db = Nd4j.create(DataType.DOUBLE, s.filters()).assign(99);
        Conv2dKernels.backwardWeights(s, x, r, dw, columns);
        Conv2dKernels.backwardInput(s, r, w, dx, columns);
        Conv2dKernels.biasGradient(s, r, db);

        GradientCheck.assertGradient("conv dWb", dw, loss, w);
        GradientCheck.assertGradient("conv dx", dx, loss, x);
        GradientCheck.assertGradient("conv db", db, loss, b);
    }

    @Test
    void singlePrecisionBackwardAgreesWithDouble() {
        ConvShape s = ConvShape.of(3, 9, 9, 4, 3, 2, Padding.SAME);
        Rng rng = new Rng(5);
        INDArray x = GradientCheck.uniform(rng, -1, 1, BATCH, s.inputSize());
        INDArray w = GradientCheck.uniform(rng, -1, 1, s.filters(), s.fanIn());
        INDArray r = GradientCheck.uniform(rng, -1, 1, BATCH, s.outputSize());
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray dw = Nd4j.create(type, s.filters(), s.fanIn());
            INDArray dx = Nd4j.create(type, BATCH, s.inputSize());
            INDArray db = Nd4j.create(type, s.filters());
            INDArray columns = Nd4j.create(type, s.fanIn(), s.outPlane());
            Conv2dKernels.backwardWeights(s, x.castTo(type), r.castTo(type), dw, columns);
            Conv2dKernels.backwardInput(s, r.castTo(type), w.castTo(type), dx, columns);
            Conv2dKernels.biasGradient(s, r.castTo(type), db);
            if (type == DataType.FLOAT) {
                INDArray dwDouble = Nd4j.create(DataType.DOUBLE, s.filters(), s.fanIn());
                INDArray dxDouble = Nd4j.create(DataType.DOUBLE, BATCH, s.inputSize());
                INDArray columnsDouble = Nd4j.create(DataType.DOUBLE, s.fanIn(), s.outPlane());
                Conv2dKernels.backwardWeights(s, x, r, dwDouble, columnsDouble);
                Conv2dKernels.backwardInput(s, r, w, dxDouble, columnsDouble);
                assertEquals(0, dwDouble.sub(dw.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-4);
                assertEquals(0, dxDouble.sub(dx.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-4);
            }
        }
    }
}
