package org.binaryconnect.runtime.nn;

import org.binaryconnect.dsl.Padding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The measurement behind the block sizes in docs/decisions/conv-kernels.md: forward, dW and dX of the seed network's
 * layers with the one-sample workspace, with blocks of samples and per-sample products (the default, bit-identical)
 * and with one product per block, at several block sizes. The variants run interleaved, round after round, and the
 * fastest round of each counts, since on a shared machine other work only ever slows a round. Runs only with
 * {@code -Dbc.timing=true}.
 */
class ConvBlockTiming {

    private static final int ROUNDS = 8;

    @Test
    void measure() {
        Assumptions.assumeTrue(Boolean.getBoolean("bc.timing"), "timing runs with -Dbc.timing=true");
        report("seed conv1 1x28x28 -> 32, 5x5 SAME, batch 100", ConvShape.of(1, 28, 28, 32, 5, 1, Padding.SAME), 100,
                new int[] {10, 25, 50, 100});
        report("seed conv2 32x14x14 -> 64, 5x5 SAME, batch 100", ConvShape.of(32, 14, 14, 64, 5, 1, Padding.SAME), 100,
                new int[] {4, 12, 25, 50});
        report("cifar conv4 256x16x16 -> 256, 3x3 SAME, batch 50", ConvShape.of(256, 16, 16, 256, 3, 1, Padding.SAME),
                50, new int[] {3, 10});
    }

    private static void report(String what, ConvShape s, int batch, int[] blockSizes) {
        Rng rng = new Rng(1);
        INDArray x = fill(Nd4j.create(DataType.FLOAT, batch, s.inputSize()), rng);
        INDArray w = fill(Nd4j.create(DataType.FLOAT, s.filters(), s.fanIn()), rng);
        INDArray b = fill(Nd4j.create(DataType.FLOAT, s.filters()), rng);
        INDArray out = Nd4j.create(DataType.FLOAT, batch, s.outputSize());
        INDArray delta = fill(Nd4j.create(DataType.FLOAT, batch, s.outputSize()), rng);
        INDArray dx = Nd4j.create(DataType.FLOAT, batch, s.inputSize());
        INDArray dw = Nd4j.create(DataType.FLOAT, s.filters(), s.fanIn());
        int variants = 1 + 2 * blockSizes.length;
        INDArray[] workspaces = new INDArray[variants];
        boolean[] blockProducts = new boolean[variants];
        String[] names = new String[variants];
        workspaces[0] = Nd4j.create(DataType.FLOAT, s.fanIn(), s.outPlane());
        names[0] = "one sample";
        for (int i = 0; i < blockSizes.length; i++) {
            for (int products = 0; products < 2; products++) {
                int v = 1 + 2 * i + products;
                workspaces[v] = Nd4j.create(DataType.FLOAT, blockSizes[i],
                        (long) (s.fanIn() + s.filters()) * s.outPlane());
                blockProducts[v] = products == 1;
                names[v] = "blocks of " + blockSizes[i] + (products == 1 ? ", block products" : ", per-sample products");
            }
        }
        double[][] best = new double[variants][3];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.MAX_VALUE);
        }
        for (int round = -1; round < ROUNDS; round++) {
            for (int v = 0; v < variants; v++) {
                INDArray columns = workspaces[v];
                boolean blocks = blockProducts[v];
                double[] t = {
                    time(() -> Conv2dKernels.forward(s, x, w, b, out, columns, blocks)),
                    time(() -> Conv2dKernels.backwardWeights(s, x, delta, dw, columns, blocks)),
                    time(() -> Conv2dKernels.backwardInput(s, delta, w, dx, columns, blocks))};
                for (int p = 0; p < 3 && round >= 0; p++) {
                    best[v][p] = Math.min(best[v][p], t[p]);
                }
            }
        }
        System.out.println(what + " (fastest of " + ROUNDS + " rounds, ms)");
        for (int v = 0; v < variants; v++) {
            System.out.printf("  %-36s forward %6.1f  dW %6.1f  dX %6.1f  total %6.1f%n", names[v], best[v][0],
                    best[v][1], best[v][2], best[v][0] + best[v][1] + best[v][2]);
        }
    }

    private static double time(Runnable part) {
        long start = System.nanoTime();
        part.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static INDArray fill(INDArray array, Rng rng) {
        Buf buf = Buf.of(array);
        for (int i = 0; i < buf.length(); i++) {
            buf.set(i, rng.nextDouble() * 2 - 1);
        }
        return array;
    }
}
