package org.binaryconnect.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import org.binaryconnect.runtime.export.PackedModel;
import org.binaryconnect.runtime.export.PackedModelWriter;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * The generated JDK-only inference (bit-packed binary weights) against ND4J float inference of the same network:
 * single-sample latency (median of many calls) and batch-100 throughput, plus the packed file's size against the
 * float32 weights'. Prints {@code RESULT inference ...} and {@code RESULT size ...} lines (issue 6).
 */
final class InferenceBenchmark {

    /** One network's generated inference, behind the two calls measured. */
    interface Generated {
        int predict(float[] features);

        int[] predict(float[][] batch);
    }

    /** Loads the generated inference class of a network from packed bytes. */
    interface Loader {
        Generated load(ByteArrayInputStream packed) throws IOException;
    }

    private static final int BATCH = 100;
    private static final int LATENCY_CALLS = 2000;
    private static final int BATCHES = 50;
    /**
     * Each measurement first runs its call for at least this long: after the training benchmark the JIT's queue is
     * long, and 2,000 warm-up calls (under a second) measured the generated kernel before C2 had compiled it (287 us
     * a sample where a warmed JVM takes about 125 us).
     */
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private final PrintStream out;

    InferenceBenchmark(PrintStream out) {
        this.out = out;
    }

    void run(String name, TrainableNetwork network, Loader loader) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        Generated generated;
        try {
            PackedModelWriter.write(network, packed);
            generated = loader.load(new ByteArrayInputStream(packed.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long floatBytes = PackedModel.of(network).float32WeightBytes();
        float[][] batch = randomFeatures(network.description().inputSize());
        Nd4jFloatInference single = new Nd4jFloatInference(network, 1);
        Nd4jFloatInference batched = new Nd4jFloatInference(network, BATCH);
        float[][] one = new float[1][];

        double latency = medianMicros(i -> generated.predict(batch[i % BATCH]));
        double floatLatency = medianMicros(i -> {
            one[0] = batch[i % BATCH];
            single.scores(one);
        });
        double throughput = samplesPerSecond(() -> generated.predict(batch));
        double floatThroughput = samplesPerSecond(() -> batched.scores(batch));

        out.println();
        out.println("== " + name + " inference: generated (bit-packed, JDK only) against ND4J float32");
        out.printf("   single sample: %.1f us against %.1f us (%.1fx)%n", latency, floatLatency, floatLatency / latency);
        out.printf("   batch of %d: %.0f against %.0f samples/s (%.2fx)%n", BATCH, throughput, floatThroughput,
                throughput / floatThroughput);
        out.printf("   packed model %,d bytes against %,d bytes of float32 weights (%.1fx smaller)%n", packed.size(),
                floatBytes, (double) floatBytes / packed.size());
        out.printf("RESULT inference network=%s latency_us=%.1f float_latency_us=%.1f batch_samples_per_s=%.0f"
                + " float_batch_samples_per_s=%.0f%n", name, latency, floatLatency, throughput, floatThroughput);
        out.printf("RESULT size network=%s packed_bytes=%d float_bytes=%d%n", name, packed.size(), floatBytes);
    }

    private static float[][] randomFeatures(int size) {
        Random random = new Random(7);
        float[][] batch = new float[BATCH][size];
        for (float[] row : batch) {
            for (int j = 0; j < size; j++) {
                row[j] = random.nextFloat() * 2 - 1;
            }
        }
        return batch;
    }

    /** Median wall time of one call, after at least as many warm-up calls and {@link #WARM_UP_NANOS}. */
    private static double medianMicros(java.util.function.IntConsumer call) {
        long warmUpStart = System.nanoTime();
        for (int i = 0; i < LATENCY_CALLS || System.nanoTime() - warmUpStart < WARM_UP_NANOS; i++) {
            call.accept(i);
        }
        long[] nanos = new long[LATENCY_CALLS];
        for (int i = 0; i < LATENCY_CALLS; i++) {
            long start = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[LATENCY_CALLS / 2] / 1e3;
    }

    private static double samplesPerSecond(Runnable batchCall) {
        long warmUpStart = System.nanoTime();
        for (int i = 0; i < BATCHES / 5 || System.nanoTime() - warmUpStart < WARM_UP_NANOS; i++) {
            batchCall.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < BATCHES; i++) {
            batchCall.run();
        }
        return (double) BATCHES * BATCH / ((System.nanoTime() - start) / 1e9);
    }
}
