package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The command lines the plugin writes for its forked entry points, with every option it can write set, for the
 * runtime's parsers to read in {@code org.binaryconnect.runtime.cli.PluginCommandLinesParseTest}.
 */
public final class PluginCommandLines {

    public static final String NETWORK = "com.example.FashionMlpNetwork";

    private PluginCommandLines() {
    }

    /**
     * Every dataset option: a path with format, preprocessing, CSV label and test file, EMNIST split, cache, offline
     * and class names.
     */
    static DatasetSettings data(File root) {
        return new DatasetSettings(new File(root, "data").getAbsolutePath(), "csv", "scale-0-1,gcn", "label",
                "test-part.csv", "balanced", new File(root, "cache"), true, "T-shirt/top,Trouser");
    }

    public static List<String> train(File root) {
        TrainingRequest request = new TrainingRequest(root, new File(root, "classes"), List.of(), List.of(), null,
                data(root), new File(root, "out"), new ScheduleOverrides(7, 0.003, 2e-6, 42L, 100), List.of(),
                new TrainingRequest.RunOptions(false, false, true, true, Map.of()));
        return TrainingLauncher.arguments(request, new DeclaredNetwork(NETWORK), new File(root, "out/FashionMlp"));
    }

    public static List<String> evaluate(File root) {
        EvaluateRequest request = new EvaluateRequest(root, new File(root, "classes"), List.of(), List.of(), null,
                data(root), new File(root, "out"), "validation", "SAMPLED_AVERAGE", 100, List.of());
        return EvaluateLauncher.arguments(request, new DeclaredNetwork(NETWORK), new File(root, "out/FashionMlp/model.bin"),
                new File(root, "out/FashionMlp"), "validation", "SAMPLED_AVERAGE");
    }

    public static List<String> export(File root) {
        ExportRequest request = new ExportRequest(root, new File(root, "classes"), List.of(), List.of(), null,
                data(root), new File(root, "out"), "1.4.0", List.of());
        return ExportLauncher.arguments(request, new DeclaredNetwork(NETWORK), new File(root, "out/FashionMlp/model.bin"),
                new File(root, "out/FashionMlp/c"));
    }
}
