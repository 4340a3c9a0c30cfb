package org.binaryconnect.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * Training throughput of the benchmark networks against this machine's GEMM-bound limit (issue 3): measures
 * sgemm on the products training runs, counts each network's FLOPs per sample, trains each for a fixed number
 * of steps after a warm-up, and prints ms per step by phase, samples/s and one {@code RESULT} line per network.
 * Then measures the generated inference of Mlp1024 against ND4J float inference ({@link InferenceBenchmark}).
 * Run it with {@code bench/run}, which sets OPENBLAS_CORETYPE before the JVM starts.
 */
public final class TrainingBenchmark {

    /** Seeds the data order and the random fallback data; the networks use their declared seed. */
    private static final long DATA_SEED = 42;

    private TrainingBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        BenchmarkSettings settings;
        try {
            settings = BenchmarkSettings.fromSystemProperties();
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Collected before printing anything: loading ND4J writes its own warnings to stderr.
        List<String> facts = MachineFacts.lines();
        out.println("BinaryConnect training benchmark");
        facts.forEach(line -> out.println("   " + line));
        out.println(FlopCount.FORMULA);
        out.println("limit_fraction = samples_per_s x flops_per_sample / best sgemm FLOP/s over the step's products");
        BatchSources sources = new BatchSources(DATA_SEED);
        NetworkBenchmark benchmark = new NetworkBenchmark(out);
        for (BenchmarkSettings.Benchmark network : settings.networks()) {
            benchmark.run(network, settings, sources);
        }
        InferenceBenchmark inference = new InferenceBenchmark(out);
        inference.run("Mlp1024", new Mlp1024Network(), packed -> {
            Mlp1024Inference loaded = Mlp1024Inference.load(packed);
            return new InferenceBenchmark.Generated() {
                @Override
                public int predict(float[] features) {
                    return loaded.predict(features);
                }

                @Override
                public int[] predict(float[][] batch) {
                    return loaded.predict(batch);
                }
            };
        });
    }
}
