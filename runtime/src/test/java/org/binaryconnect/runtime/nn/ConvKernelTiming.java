package org.binaryconnect.runtime.nn;

import java.util.Arrays;
import org.binaryconnect.dsl.Padding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measurement behind docs/decisions/conv-kernels.md: {@link Conv2dKernels} (im2col + direct cblas) against
 * ND4J's conv2d / conv2d_bp ops on the seed network's layers, into preallocated arrays. Runs only with
 * {@code -Dbc.timing=true}.
 */
class ConvKernelTiming {

    private static final int REPEATS = 10;

    @Test
    void measure() {
        Assumptions.assumeTrue(Boolean.getBoolean("bc.timing"), "timing runs with -Dbc.timing=true");
        report("seed conv1 1x28x28 -> 32, 5x5 SAME, batch 100", ConvShape.of(1, 28, 28, 32, 5, 1, Padding.SAME), 100);
        report("seed conv2 32x14x14 -> 64, 5x5 SAME, batch 100", ConvShape.of(32, 14, 14, 64, 5, 1, Padding.SAME), 100);
        report("cifar conv2 128x32x32 -> 128, 3x3 SAME, batch 50", ConvShape.of(128, 32, 32, 128, 3, 1, Padding.SAME),
                50);
        reportBatchNorm("channel batch norm over 50 x 128 x 32 x 32 (CIFAR-10 conv1)", 50, 128, 1024);
    }

    private static void reportBatchNorm(String what, int batch, int channels, int plane) {
        Rng rng = new Rng(2);
        INDArray z = fill(Nd4j.create(DataType.FLOAT, batch, channels * plane), rng);
        INDArray gamma = fill(Nd4j.create(DataType.FLOAT, channels), rng);
        INDArray beta = fill(Nd4j.create(DataType.FLOAT, channels), rng);
        INDArray mean = Nd4j.create(DataType.FLOAT, channels);
        INDArray std = Nd4j.create(DataType.FLOAT, channels);
        INDArray xhat = z.ulike();
        INDArray out = z.ulike();
        INDArray delta = fill(z.ulike(), rng);
        INDArray dg = gamma.ulike();
        INDArray db = gamma.ulike();
        double[] t = time(() -> ChannelBatchNormKernels.forwardTraining(z, gamma, beta, mean, std, xhat, out, 1e-4),
                () -> ChannelBatchNormKernels.backward(delta, xhat, std, gamma, dg, db, 1e-4));
        System.out.printf("%s: forward %.1f ms, backward %.1f ms%n", what, t[0], t[1]);
    }

    private static void report(String what, ConvShape s, int batch) {
        Rng rng = new Rng(1);
        INDArray x = fill(Nd4j.create(DataType.FLOAT, batch, s.inputSize()), rng);
        INDArray w = fill(Nd4j.create(DataType.FLOAT, s.filters(), s.fanIn()), rng);
        INDArray b = fill(Nd4j.create(DataType.FLOAT, s.filters()), rng);
        INDArray out = Nd4j.create(DataType.FLOAT, batch, s.outputSize());
        INDArray delta = fill(Nd4j.create(DataType.FLOAT, batch, s.outputSize()), rng);
        INDArray dx = Nd4j.create(DataType.FLOAT, batch, s.inputSize());
        INDArray dw = Nd4j.create(DataType.FLOAT, s.filters(), s.fanIn());
        INDArray db = Nd4j.create(DataType.FLOAT, s.filters());
        INDArray columns = Nd4j.create(DataType.FLOAT, s.fanIn(), s.outPlane());

        double[] ours = time(
                () -> Conv2dKernels.forward(s, x, w, b, out, columns),
                () -> {
                    Conv2dKernels.backwardWeights(s, x, delta, dw, columns);
                    Conv2dKernels.biasGradient(s, delta, db);
                },
                () -> Conv2dKernels.backwardInput(s, delta, w, dx, columns));
        INDArray expectedOut = out.dup();
        INDArray expectedDw = dw.dup();
        INDArray expectedDx = dx.dup();

        INDArray x4 = x.reshape(batch, s.channels(), s.height(), s.width());
        INDArray w4 = w.reshape(s.filters(), s.channels(), s.kernel(), s.kernel());
        INDArray out4 = out.reshape(batch, s.filters(), s.outHeight(), s.outWidth());
        INDArray delta4 = delta.reshape(batch, s.filters(), s.outHeight(), s.outWidth());
        INDArray dx4 = dx.reshape(batch, s.channels(), s.height(), s.width());
        INDArray dw4 = dw.reshape(s.filters(), s.channels(), s.kernel(), s.kernel());
        int[] args = {s.kernel(), s.kernel(), s.stride(), s.stride(), s.padTop(), s.padLeft(), 1, 1,
            s.padTop() > 0 ? 1 : 0, 0, 1};
        DynamicCustomOp forward = DynamicCustomOp.builder("conv2d").addInputs(x4, w4, b).addOutputs(out4)
                .addIntegerArguments(args).build();
        DynamicCustomOp backward = DynamicCustomOp.builder("conv2d_bp").addInputs(x4, w4, b, delta4)
                .addOutputs(dx4, dw4, db).addIntegerArguments(args).build();
        double[] nd4j = time(() -> Nd4j.exec(forward), () -> Nd4j.exec(backward), () -> { });
        double outError = out.sub(expectedOut).amaxNumber().doubleValue();
        double dwError = dw.sub(expectedDw).amaxNumber().doubleValue() / expectedDw.amaxNumber().doubleValue();
        double dxError = dx.sub(expectedDx).amaxNumber().doubleValue() / expectedDx.amaxNumber().doubleValue();
        System.out.printf("%s%n  im2col+cblas: forward %.1f ms, dW+db %.1f ms, dX %.1f ms, total %.1f ms%n"
                + "  ND4J ops:     conv2d %.1f ms, conv2d_bp (dX, dW, db) %.1f ms, total %.1f ms%n"
                + "  agreement: out %.2g, dW %.2g rel, dX %.2g rel%n", what, ours[0], ours[1], ours[2],
                ours[0] + ours[1] + ours[2], nd4j[0], nd4j[1], nd4j[0] + nd4j[1], outError, dwError, dxError);
    }

    private static double[] time(Runnable... parts) {
        double[] medians = new double[parts.length];
        for (int p = 0; p < parts.length; p++) {
            for (int i = 0; i < 2; i++) {
                parts[p].run();
            }
            double[] times = new double[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                long start = System.nanoTime();
                parts[p].run();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(times);
            medians[p] = times[REPEATS / 2];
        }
        return medians;
    }

    private static INDArray fill(INDArray array, Rng rng) {
        Buf buf = Buf.of(array);
        for (int i = 0; i < buf.length(); i++) {
            buf.set(i, rng.nextDouble() * 2 - 1);
        }
        return array;
    }
}
