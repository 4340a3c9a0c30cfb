package org.binaryconnect.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.bench.PhaseTimer.Phase;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;

/**
 * Trains one generated network for a fixed number of steps after a warm-up, timing each phase of every step, and
 * states the result against the GEMM-bound limit: samples/s x FLOPs per sample / best sgemm FLOP/s.
 */
final class NetworkBenchmark {

    /** Steps whose losses are averaged at each end of the timed run, to show that it trains. */
    private static final int LOSS_WINDOW = 10;

    private final PrintStream out;

    NetworkBenchmark(PrintStream out) {
        this.out = out;
    }

    void run(BenchmarkSettings.Benchmark benchmark, BenchmarkSettings settings, BatchSources sources) {
        TrainableNetwork network = benchmark.factory().get();
        NetworkDescription description = network.description();
        int batch = description.batchSize();
        List<LayerShape> layers = benchmark.shapes().isEmpty() ? FlopCount.denseShapes(network) : benchmark.shapes();
        long flopsPerSample = FlopCount.perTrainingSample(layers);

        out.println();
        out.println("== " + description.name() + ": batch " + batch + ", " + description.binarization()
                + " binarization, " + description.loss() + ", " + description.optimizer());
        description.layers().forEach(layer -> out.println("   " + layer.summary()));
        out.printf(Locale.ROOT, "flops per sample: forward %.3f M + backward %.3f M = %.3f MFLOP (%d)%n",
                FlopCount.forward(layers) / 1e6, FlopCount.backward(layers) / 1e6, flopsPerSample / 1e6,
                flopsPerSample);

        GemmThroughput.Result gemm = GemmThroughput.measure(batch, layers, settings.gemmSecondsPerTrial());
        out.printf(Locale.ROOT, "sgemm on this step's products (Gemm.multiply, best of %d trials of %.2f s each):%n",
                GemmThroughput.TRIALS, settings.gemmSecondsPerTrial());
        for (GemmThroughput.Measurement m : gemm.measurements()) {
            out.printf(Locale.ROOT, "   %-34s %7.1f GFLOP/s   %s%n", m.product(), m.gflops(), m.roles());
        }
        double gemmGflops = gemm.bestGflops();
        out.printf(Locale.ROOT, "   best %.1f GFLOP/s; at these rates the step's products alone take %.2f ms%n",
                gemmGflops, gemm.gemmMillisPerStep());

        BatchSource source = sources.forNetwork(description);
        out.println("data: " + source.description());
        double learningRate = description.training().learningRateStart();
        Buf input = Buf.of(network.input());
        int[] labels = network.labels();

        for (int step = 0; step < benchmark.warmUpSteps(); step++) {
            source.fill(input, labels, batch);
            network.trainStep(learningRate);
        }
        PhaseTimer timer = new PhaseTimer();
        double[] losses = new double[benchmark.steps()];
        for (int step = 0; step < benchmark.steps(); step++) {
            long t = System.nanoTime();
            source.fill(input, labels, batch);
            t = timer.add(Phase.DATA, t);
            network.prepareTrainingStep();
            t = timer.add(Phase.BINARIZE, t);
            losses[step] = network.forwardLoss();
            t = timer.add(Phase.FORWARD, t);
            network.backward();
            t = timer.add(Phase.BACKWARD, t);
            network.update(learningRate);
            timer.add(Phase.UPDATE, t);
            timer.endStep();
        }

        double millisPerStep = timer.totalMillisPerStep();
        out.printf(Locale.ROOT, "training: %d warm-up steps, %d timed steps, learning rate %s%n",
                benchmark.warmUpSteps(), benchmark.steps(), learningRate);
        for (Phase phase : Phase.values()) {
            double millis = timer.millisPerStep(phase);
            out.printf(Locale.ROOT, "   %-9s %8.3f ms/step  %5.1f%%%n", phase.label, millis,
                    100 * millis / millisPerStep);
        }
        out.printf(Locale.ROOT, "   %-9s %8.3f ms/step%n", "total", millisPerStep);
        printLoss(losses);

        double samplesPerSecond = batch * 1000 / millisPerStep;
        double limitSamplesPerSecond = gemmGflops * 1e9 / flopsPerSample;
        double limitFraction = samplesPerSecond / limitSamplesPerSecond;
        out.printf(Locale.ROOT, "samples/s: %.1f; GEMM-bound limit %.1f samples/s (%.1f GFLOP/s / %.3f MFLOP per "
                + "sample); achieved %.1f GFLOP/s%n", samplesPerSecond, limitSamplesPerSecond, gemmGflops,
                flopsPerSample / 1e6, samplesPerSecond * flopsPerSample / 1e9);
        out.printf(Locale.ROOT, "the step's products at their measured rates: %.2f of %.2f ms per step (%.0f%%)%n",
                gemm.gemmMillisPerStep(), millisPerStep, 100 * gemm.gemmMillisPerStep() / millisPerStep);
        out.printf(Locale.ROOT, "RESULT train network=%s samples_per_s=%.1f gemm_gflops=%.1f flops_per_sample=%d "
                + "limit_fraction=%.3f%n", description.name(), samplesPerSecond, gemmGflops, flopsPerSample,
                limitFraction);
    }

    private void printLoss(double[] losses) {
        int window = Math.min(LOSS_WINDOW, losses.length);
        double first = mean(losses, 0, window);
        double last = mean(losses, losses.length - window, losses.length);
        String warning = Double.isFinite(last) ? "" : "  WARNING: the loss is not finite, timings may not be typical";
        out.printf(Locale.ROOT, "loss: %.4f (first %d timed steps) -> %.4f (last %d)%s%n", first, window, last,
                window, warning);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
