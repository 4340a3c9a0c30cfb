package org.binaryconnect.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.maven.PluginCommandLines;
import org.binaryconnect.runtime.data.ByteScaling;
import org.binaryconnect.runtime.data.DatasetFormat;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.export.ExportOptions;
import org.binaryconnect.runtime.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option the plugin writes on a forked JVM's command line is one that JVM's parser accepts, with the value
 * the plugin meant. Lives in the runtime's package (the parsers are package-private) but in the plugin's tests,
 * next to the plugin code that writes the command lines.
 */
class PluginCommandLinesParseTest {

    @TempDir
    Path root;

    @Test
    void trainMainReadsEveryOptionOfThePluginsTrainingCommandLine() {
        List<String> arguments = PluginCommandLines.train(root.toFile());

        TrainingRequest request = TrainArguments.parse(arguments.toArray(String[]::new));

        assertEquals(PluginCommandLines.NETWORK, request.networkClass());
        assertEquals(root.resolve("out/FashionMlp"), request.outputDirectory());
        assertData(request.data());
        assertEquals(OptionalInt.of(7), request.overrides().epochs());
        assertEquals(OptionalDouble.of(0.003), request.overrides().learningRateStart());
        assertEquals(OptionalDouble.of(2e-6), request.overrides().learningRateEnd());
        assertEquals(OptionalLong.of(42), request.overrides().seed());
        assertEquals(OptionalInt.of(100), request.overrides().validationSamples());
        assertEquals(false, request.resume());
        assertEquals(true, request.progress());
        assertEveryOptionWritten(arguments, TrainArguments.OPTIONS);
    }

    @Test
    void evaluateMainReadsEveryOptionOfThePluginsEvaluationCommandLine() {
        List<String> arguments = PluginCommandLines.evaluate(root.toFile());

        EvaluateArguments.Parsed parsed = EvaluateArguments.parse(arguments.toArray(String[]::new));

        assertEquals(PluginCommandLines.NETWORK, parsed.network());
        assertEquals(root.resolve("out/FashionMlp/model.bin"), parsed.model());
        assertEquals(root.resolve("out/FashionMlp"), parsed.output());
        assertData(parsed.data());
        assertEquals(EvaluateArguments.Part.VALIDATION, parsed.part());
        assertEquals(Optional.of(EvaluationWeights.SAMPLED_AVERAGE), parsed.weights());
        assertEquals(OptionalInt.of(100), parsed.validationSamples());
        assertEveryOptionWritten(arguments, EvaluateArguments.OPTIONS);
    }

    @Test
    void exportMainReadsEveryOptionOfThePluginsExportCommandLine() {
        List<String> arguments = PluginCommandLines.export(root.toFile());

        ExportOptions parsed = ExportArguments.parse(arguments.toArray(String[]::new));

        assertEquals(PluginCommandLines.NETWORK, parsed.networkClass());
        assertEquals(root.resolve("out/FashionMlp/model.bin"), parsed.modelFile());
        assertEquals(root.resolve("classes"), parsed.resourceDirectory());
        assertEquals(root.resolve("out/FashionMlp/c"), parsed.cDirectory());
        assertData(parsed.data().orElseThrow());
        assertEquals("1.4.0", parsed.projectVersion());
        assertEveryOptionWritten(arguments, ExportArguments.OPTIONS);
    }

    private void assertData(DatasetRequest data) {
        assertEquals(new File(root.toFile(), "data").getAbsolutePath(), data.source());
        assertEquals(DatasetFormat.CSV, data.format());
        assertEquals(ByteScaling.ZERO_TO_ONE, data.preprocessing().scaling());
        assertTrue(data.preprocessing().contrastNormalization());
        assertEquals("label", data.csv().labelColumn());
        assertEquals("test-part.csv", data.csv().testFile());
        assertEquals("balanced", data.emnistSplit());
        assertEquals(List.of("T-shirt/top", "Trouser"), data.classNames());
        assertEquals(root.resolve("cache"), data.cacheRoot());
        assertTrue(data.offline());
    }

    /** The plugin writes every option the entry point accepts: none is left for the two sides to disagree on. */
    private static void assertEveryOptionWritten(List<String> arguments, List<CliOption> accepted) {
        Set<String> written = arguments.stream().filter(argument -> argument.startsWith("--"))
                .collect(Collectors.toSet());
        assertEquals(accepted.stream().map(CliOption::text).collect(Collectors.toSet()), written);
    }
}
