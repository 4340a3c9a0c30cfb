package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.binaryconnect.dsl.Padding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/**
 * Blocks of several samples give the bits of one sample at a time (the workspace of {@code fanIn * outPlane}
 * elements, which {@link Conv2dKernelsTest} checks against a direct loop and finite differences): the output, the
 * weight gradient and the input gradient, for block sizes that divide the batch and ones that leave a shorter last
 * block, on the seed CNN's two layers (whose products OpenBLAS runs on both threads) and on small odd shapes.
 */
class ConvBlockTest {

    @ParameterizedTest(name = "{0}x{1}x{2} -> {3}, kernel {4} stride {5} {6}, batch {7}, {8} per block, {9}")
    @CsvSource({
            "1, 28, 28, 32, 5, 1, SAME, 30, 7, FLOAT",
            "1, 28, 28, 32, 5, 1, SAME, 30, 30, FLOAT",
            "32, 14, 14, 64, 5, 1, SAME, 25, 12, FLOAT",
            "32, 14, 14, 64, 5, 1, SAME, 25, 2, FLOAT",
            "3, 9, 8, 4, 3, 2, SAME, 5, 2, FLOAT",
            "2, 9, 8, 3, 3, 1, VALID, 5, 4, FLOAT",
            "3, 9, 8, 4, 3, 2, SAME, 5, 2, DOUBLE",
            "2, 9, 8, 3, 3, 1, SAME, 5, 3, DOUBLE"})
    void blocksGiveTheBitsOfOneSampleAtATime(int channels, int height, int width, int filters, int kernel,
            int stride, Padding padding, int batch, int perBlock, DataType type) {
        ConvShape s = ConvShape.of(channels, height, width, filters, kernel, stride, padding);
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.randn(type, batch, s.inputSize());
        INDArray w = Nd4j.randn(type, s.filters(), s.fanIn());
        INDArray b = Nd4j.randn(type, s.filters());
        INDArray delta = Nd4j.randn(type, batch, s.outputSize());
        INDArray oneSample = Nd4j.zeros(type, s.fanIn(), s.outPlane());
        INDArray blocks = Nd4j.zeros(type, perBlock, (long) (s.fanIn() + s.filters()) * s.outPlane());

        Result expected = run(s, x, w, b, delta, oneSample, false);
        Result actual = run(s, x, w, b, delta, blocks, false);
        assertArrayEquals(expected.output, actual.output, "output");
        assertArrayEquals(expected.weightGradient, actual.weightGradient, "weight gradient");
        assertArrayEquals(expected.inputGradient, actual.inputGradient, "input gradient");
    }

    /**
     * One product per block sums each element in another order inside OpenBLAS (its last bits change), so it is
     * checked against the per-sample results within float rounding (values are sums of {@code fanIn} products of
     * unit normals, so the tolerance scales with its square root, as it does for the other sums).
     */
    @ParameterizedTest(name = "{0}x{1}x{2} -> {3}, kernel {4} stride {5} {6}, batch {7}, {8} per block, {9}")
    @CsvSource({
            "1, 28, 28, 32, 5, 1, SAME, 30, 7, FLOAT, 1e-4",
            "32, 14, 14, 64, 5, 1, SAME, 25, 12, FLOAT, 1e-4",
            "3, 9, 8, 4, 3, 2, SAME, 5, 2, FLOAT, 1e-5",
            "2, 9, 8, 3, 3, 1, VALID, 5, 4, DOUBLE, 1e-12",
            "3, 9, 8, 4, 3, 2, SAME, 5, 2, DOUBLE, 1e-12"})
    void blockProductsAgreeWithOneSampleAtATime(int channels, int height, int width, int filters, int kernel,
            int stride, Padding padding, int batch, int perBlock, DataType type, double tolerance) {
        ConvShape s = ConvShape.of(channels, height, width, filters, kernel, stride, padding);
        Nd4j.getRandom().setSeed(23);
        INDArray x = Nd4j.randn(type, batch, s.inputSize());
        INDArray w = Nd4j.randn(type, s.filters(), s.fanIn());
        INDArray b = Nd4j.randn(type, s.filters());
        INDArray delta = Nd4j.randn(type, batch, s.outputSize());
        Result expected = run(s, x, w, b, delta, Nd4j.zeros(type, s.fanIn(), s.outPlane()), false);
        Result actual = run(s, x, w, b, delta,
                Nd4j.zeros(type, perBlock, (long) (s.fanIn() + s.filters()) * s.outPlane()), true);
        assertClose(expected.output, actual.output, tolerance * Math.sqrt(s.fanIn()), "output");
        assertClose(expected.weightGradient, actual.weightGradient, tolerance * Math.sqrt(batch * s.outPlane()),
                "weight gradient");
        assertClose(expected.inputGradient, actual.inputGradient, tolerance * Math.sqrt(s.filters()), "input gradient");
    }

    /** Every element within {@code scale} of the expected one, absolute (the values are sums of unit normals). */
    private static void assertClose(double[] expected, double[] actual, double scale, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], scale, what + " element " + i);
        }
    }

    @Test
    void workspaceHoldsWhatTheBudgetAllowsInBalancedBlocks() {
        ConvShape conv2 = ConvShape.of(32, 14, 14, 64, 5, 1, Padding.SAME);
        assertEquals(12, Conv2dKernels.samplesPerBlock(conv2, 100));
        assertEquals(3, Conv2dKernels.samplesPerBlock(conv2, 3));
        assertEquals(1, Conv2dKernels.samplesPerBlock(ConvShape.of(1, 28, 28, 32, 5, 1, Padding.SAME), 100));
        ConvShape cifar = ConvShape.of(128, 32, 32, 128, 3, 1, Padding.SAME);
        assertEquals(1, Conv2dKernels.samplesPerBlock(cifar, 50));
        assertEquals(1, Conv2dKernels.samplesPerBlock(ConvShape.of(256, 16, 16, 256, 3, 1, Padding.SAME), 50));
        assertEquals(s(cifar), Conv2dKernels.workspace(DataType.FLOAT, cifar, 50).length());
        assertEquals(12L * (800 + 64) * 196, Conv2dKernels.workspace(DataType.FLOAT, conv2, 100).length());
    }

    @Test
    void workspaceOfAnotherSizeIsRefused() {
        ConvShape s = ConvShape.of(2, 9, 8, 3, 3, 1, Padding.SAME);
        INDArray x = Nd4j.zeros(DataType.FLOAT, 2, s.inputSize());
        INDArray out = Nd4j.zeros(DataType.FLOAT, 2, s.outputSize());
        INDArray wrong = Nd4j.zeros(DataType.FLOAT, s.fanIn() + 1, s.outPlane());
        assertThrows(IllegalArgumentException.class, () -> Conv2dKernels.forward(s, x,
                Nd4j.zeros(DataType.FLOAT, s.filters(), s.fanIn()), Nd4j.zeros(DataType.FLOAT, s.filters()), out, wrong));
    }

    private static long s(ConvShape shape) {
        return (long) shape.fanIn() * shape.outPlane();
    }

    private record Result(double[] output, double[] weightGradient, double[] inputGradient) {
    }

    private static Result run(ConvShape s, INDArray x, INDArray w, INDArray b, INDArray delta, INDArray columns,
            boolean blockProducts) {
        DataType type = x.dataType();
        INDArray out = Nd4j.zeros(type, x.size(0), s.outputSize());
        INDArray dw = Nd4j.zeros(type, s.filters(), s.fanIn());
        INDArray dx = Nd4j.zeros(type, x.size(0), s.inputSize());
        Conv2dKernels.forward(s, x, w, b, out, columns, blockProducts);
        Conv2dKernels.backwardWeights(s, x, delta, dw, columns, blockProducts);
        Conv2dKernels.backwardInput(s, delta, w, dx, columns, blockProducts);
        return new Result(out.reshape(-1).toDoubleVector(), dw.reshape(-1).toDoubleVector(),
                dx.reshape(-1).toDoubleVector());
    }
}
