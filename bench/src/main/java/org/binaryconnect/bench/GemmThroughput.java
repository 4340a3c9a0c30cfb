package org.binaryconnect.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.runtime.nn.Gemm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * This machine's sgemm throughput on the very products a training step runs, through {@link Gemm#multiply}: the
 * path the generated code takes, so the limit is stated for the same library, kernel and threads.
 */
final class GemmThroughput {

    /** Trials per product; the best one counts, as other work on a shared machine only ever slows a trial. */
    static final int TRIALS = 3;
    private static final double WARM_UP_SECONDS = 0.05;

    /**
     * One product {@code C[m x n] = op(A) op(B)} with inner dimension {@code k}; {@code A} is stored {@code [k x m]}
     * when transposed, {@code B} {@code [n x k]}, as the generated backward pass stores them.
     */
    record Product(int m, int k, int n, boolean transposeA, boolean transposeB) {

        long flops() {
            return 2L * m * k * n;
        }

        @Override
        public String toString() {
            String a = "[" + m + "x" + k + "]" + (transposeA ? " (A^T)" : "");
            String b = "[" + k + "x" + n + "]" + (transposeB ? " (B^T)" : "");
            return a + " x " + b;
        }
    }

    /** The layers (roles) that run one product, and how many times a training step runs it in all. */
    record Uses(List<String> roles, int count) {
    }

    /** The measured rate of {@code product}, which a training step runs {@code count} times. */
    record Measurement(Product product, String roles, int count, double gflops) {
    }

    /** Every distinct product of a step, measured; the best rate is the GEMM-bound limit. */
    record Result(List<Measurement> measurements) {

        double bestGflops() {
            return measurements.stream().mapToDouble(Measurement::gflops).max().orElseThrow();
        }

        /** Milliseconds per step the step's products take at the rates measured here, each on its own. */
        double gemmMillisPerStep() {
            return measurements.stream().mapToDouble(m -> m.count() * m.product().flops() / (m.gflops() * 1e6)).sum();
        }
    }

    private GemmThroughput() {
    }

    /**
     * The products of one training step over {@code layers} at batch size {@code batch}, keyed by shape with the
     * layers that run each: forward {@code X W}, weight gradient {@code X^T dZ}, input gradient {@code dZ W^T}
     * (none for the first layer). A dense layer runs each once on the whole batch; a convolution once per sample,
     * as Conv2dKernels calls them: {@code W cols}, {@code dZ cols^T}, {@code W^T dZ}.
     */
    static Map<Product, Uses> trainingProducts(int batch, List<LayerShape> layers) {
        Map<Product, Uses> products = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerShape layer = layers.get(i);
            String name = "L" + (i + 1);
            if (layer.isConvolution()) {
                int in = layer.inputs();
                int out = layer.outputs();
                int positions = layer.positions();
                add(products, new Product(out, in, positions, false, false), "fwd " + name, batch);
                add(products, new Product(out, positions, in, false, true), "dW " + name, batch);
                if (i > 0) {
                    add(products, new Product(in, out, positions, true, false), "dX " + name, batch);
                }
                continue;
            }
            add(products, new Product(batch, layer.inputs(), layer.outputs(), false, false), "fwd " + name, 1);
            add(products, new Product(layer.inputs(), batch, layer.outputs(), true, false), "dW " + name, 1);
            if (i > 0) {
                add(products, new Product(batch, layer.outputs(), layer.inputs(), false, true), "dX " + name, 1);
            }
        }
        return products;
    }

    private static void add(Map<Product, Uses> products, Product product, String role, int times) {
        products.merge(product, new Uses(List.of(role + (times > 1 ? " (x" + times + ")" : "")), times),
                (a, b) -> new Uses(concat(a.roles(), b.roles()), a.count() + b.count()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** Measures every distinct product of a step for at least {@code secondsPerTrial} per trial. */
    static Result measure(int batch, List<LayerShape> layers, double secondsPerTrial) {
        List<Measurement> measurements = new ArrayList<>();
        for (Map.Entry<Product, Uses> entry : trainingProducts(batch, layers).entrySet()) {
            Product product = entry.getKey();
            double gflops = gflops(product, secondsPerTrial);
            measurements.add(new Measurement(product, String.join(", ", entry.getValue().roles()),
                    entry.getValue().count(), gflops));
        }
        return new Result(List.copyOf(measurements));
    }

    private static double gflops(Product product, double secondsPerTrial) {
        INDArray a = product.transposeA() ? matrix(product.k(), product.m()) : matrix(product.m(), product.k());
        INDArray b = product.transposeB() ? matrix(product.n(), product.k()) : matrix(product.k(), product.n());
        INDArray c = Nd4j.zeros(DataType.FLOAT, product.m(), product.n());
        // Warm-up: first calls page in OpenBLAS's buffers and spin up its threads.
        run(product, a, b, c, WARM_UP_SECONDS);
        double best = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            best = Math.max(best, run(product, a, b, c, secondsPerTrial));
        }
        return best;
    }

    /** Runs {@code product} for at least {@code seconds} and returns its GFLOP/s. */
    private static double run(Product product, INDArray a, INDArray b, INDArray c, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long elapsed;
        long calls = 0;
        do {
            Gemm.multiply(a, product.transposeA(), b, product.transposeB(), c);
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget || calls < 3);
        return calls * product.flops() / (double) elapsed;
    }

    private static INDArray matrix(int rows, int columns) {
        // Uniform [0, 1): no denormals or zeros that could make a kernel look faster than on real activations.
        return Nd4j.rand(DataType.FLOAT, rows, columns);
    }
}
