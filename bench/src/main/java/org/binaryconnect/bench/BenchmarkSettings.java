package org.binaryconnect.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * What to run, from system properties (bench/run passes its arguments to the JVM):
 * {@code -Dbench.networks=Mlp1024,Mlp2048,SeedCnn,Cifar10Cnn} ({@code none} to measure inference only),
 * {@code -Dbench.warmup=30} (every network; Cifar10Cnn's default is 3) or {@code -Dbench.warmup.Cifar10Cnn=N},
 * {@code -Dbench.steps=N} (every network) or {@code -Dbench.steps.Mlp2048=N}, {@code -Dbench.gemmSeconds=0.15} (per trial and product).
 */
record BenchmarkSettings(List<Benchmark> networks, int warmUpSteps, double gemmSecondsPerTrial) {

    /**
     * A network to train and how many timed steps it gets.
     *
     * @param shapes its layers' products; empty to read them from a dense network's weights
     */
    record Benchmark(String name, Supplier<TrainableNetwork> factory, int steps, int warmUpSteps,
            List<LayerShape> shapes) {
    }

    /** Default timed steps: enough for a stable mean, small enough that a run stays within a few minutes. */
    private static final Map<String, Integer> DEFAULT_STEPS = Map.of("Mlp1024", 200, "Mlp2048", 100, "SeedCnn", 30,
            "Cifar10Cnn", 6);

    /** Default warm-up steps where 30 would take long: a CIFAR-10 step takes 1-3 s here. */
    private static final Map<String, Integer> DEFAULT_WARM_UP = Map.of("Cifar10Cnn", 3);

    private static final Map<String, Supplier<TrainableNetwork>> NETWORKS = Map.of(
            "Mlp1024", Mlp1024Network::new,
            "Mlp2048", Mlp2048Network::new,
            "SeedCnn", SeedCnnNetwork::new,
            "Cifar10Cnn", Cifar10CnnNetwork::new);

    private static final Map<String, List<LayerShape>> DECLARED_SHAPES = Map.of("SeedCnn", SeedCnn.SHAPES,
            "Cifar10Cnn", Cifar10Cnn.SHAPES);

    static BenchmarkSettings fromSystemProperties() {
        List<Benchmark> networks = new ArrayList<>();
        int warmUp = nonNegativeInt("bench.warmup", 30);
        boolean warmUpGiven = System.getProperty("bench.warmup") != null;
        String names = System.getProperty("bench.networks", "Mlp1024,Mlp2048,SeedCnn,Cifar10Cnn").trim();
        for (String name : names.equals("none") ? new String[0] : names.split(",")) {
            String trimmed = name.trim();
            Supplier<TrainableNetwork> factory = NETWORKS.get(trimmed);
            if (factory == null) {
                throw new IllegalArgumentException("-Dbench.networks names unknown network '" + trimmed
                        + "': choose from " + Arrays.toString(NETWORKS.keySet().stream().sorted().toArray())
                        + ", or none");
            }
            int steps = positiveInt("bench.steps." + trimmed,
                    positiveInt("bench.steps", DEFAULT_STEPS.get(trimmed)));
            int networkWarmUp = nonNegativeInt("bench.warmup." + trimmed,
                    warmUpGiven ? warmUp : DEFAULT_WARM_UP.getOrDefault(trimmed, warmUp));
            networks.add(new Benchmark(trimmed, factory, steps, networkWarmUp,
                    DECLARED_SHAPES.getOrDefault(trimmed, List.of())));
        }
        double gemmSeconds = Double.parseDouble(System.getProperty("bench.gemmSeconds", "0.15"));
        if (!(gemmSeconds > 0)) {
            throw new IllegalArgumentException("-Dbench.gemmSeconds must be positive, got " + gemmSeconds);
        }
        return new BenchmarkSettings(List.copyOf(networks), warmUp, gemmSeconds);
    }

    private static int positiveInt(String property, int fallback) {
        int value = nonNegativeInt(property, fallback);
        if (value == 0) {
            throw new IllegalArgumentException("-D" + property + " must be at least 1");
        }
        return value;
    }

    private static int nonNegativeInt(String property, int fallback) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new IllegalArgumentException("-D" + property + " must not be negative, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + " must be a whole number, got '" + text + "'", e);
        }
    }
}
