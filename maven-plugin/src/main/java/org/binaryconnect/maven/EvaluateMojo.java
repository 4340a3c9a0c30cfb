package org.binaryconnect.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Evaluates a trained network on a dataset. Compiles the project first, then, in a forked JVM, loads the
 * {@code model.bin} that {@code binaryconnect:train} wrote, predicts every sample of one part of the data, prints
 * the accuracy, the accuracy of each class and the confusion matrix, and writes them to
 * {@code <outputDirectory>/<NetworkName>/evaluation.json} and {@code confusion-matrix.csv}.
 *
 * <p>The compile regenerates the networks' classes when another BinaryConnect processor generated them
 * ({@code refresh-generated} runs before it), so no {@code mvn clean} is needed after a new processor.
 */
@Mojo(name = "evaluate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "binaryconnect")
public final class EvaluateMojo extends DatasetMojo {

    /**
     * The part of the data to evaluate: {@code test} (the t10k files), {@code validation} (the last
     * {@code validationSamples} training samples) or {@code training} (the training samples before them).
     */
    @Parameter(property = "binaryconnect.part", defaultValue = "test")
    private String part;

    /**
     * The weights to predict with: {@code BINARY}, {@code REAL} or {@code SAMPLED_AVERAGE}. By default the
     * evaluation weights the network declares (binary for deterministic, real for stochastic binarization).
     */
    @Parameter(property = "binaryconnect.weights")
    private String weights;

    /**
     * How many of the last training samples form the validation part; by default the {@code @Training} value. Give
     * the value the network was trained with when training overrode it.
     */
    @Parameter(property = "binaryconnect.validationSamples")
    private Integer validationSamples;

    /** Options of the evaluation JVM, separated by spaces. */
    @Parameter(property = "binaryconnect.jvmArgs", defaultValue = "-Xmx2g")
    private String jvmArgs;

    @Override
    String activity() {
        return "the evaluation";
    }

    @Override
    String jvmArgs() {
        return jvmArgs;
    }

    @Override
    void run(Log log, ForkedJvm jvm) throws MojoExecutionException, MojoFailureException {
        EvaluateRequest request = new EvaluateRequest(
                basedir(),
                classesDirectory(),
                projectDependencies(),
                pluginArtifacts(),
                network(),
                datasetSettings(),
                outputDirectory(),
                part,
                weights,
                validationSamples,
                jvmArgList());
        new EvaluateLauncher(log::info, jvm).evaluate(request);
    }
}
