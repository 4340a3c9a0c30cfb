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
 * Exports a trained network for inference. Compiles the project first, then, in a forked JVM, packs the
 * {@code model.bin} that {@code binaryconnect:train} wrote (binary weights at one bit each, batch norm folded),
 * reads the packed bytes back through the generated {@code <Spec>Inference} and, when the training data is at hand
 * (the same dataset parameters as {@code train}; never downloaded), predicts its test part: every prediction must
 * be the trained network's with binary weights, or the export fails and writes nothing. It prints
 * {@code shipped model: test accuracy <a> (<n> samples); trained network with binary weights: <b>}, writes
 * {@code <Spec>.bcpk} next to the spec in the project's classes, where the generated {@code <Spec>Inference} reads
 * it and {@code mvn package} ships it, with {@code <Spec>.model-card.json} beside it; and writes a C99 header and
 * source of the same model into {@code <outputDirectory>/<NetworkName>/c/}.
 *
 * <p>The compile regenerates the networks' classes when another BinaryConnect processor generated them
 * ({@code refresh-generated} runs before it), so no {@code mvn clean} is needed after a new processor.
 */
@Mojo(name = "export", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "binaryconnect")
public final class ExportMojo extends DatasetMojo {

    /** The project's version, recorded in the model card. */
    @Parameter(defaultValue = "${project.version}", readonly = true)
    private String projectVersion;

    /** Options of the export JVM, separated by spaces. */
    @Parameter(property = "binaryconnect.jvmArgs", defaultValue = "-Xmx1g")
    private String jvmArgs;

    @Override
    String activity() {
        return "the export";
    }

    @Override
    String jvmArgs() {
        return jvmArgs;
    }

    @Override
    void run(Log log, ForkedJvm jvm) throws MojoExecutionException, MojoFailureException {
        ExportRequest request = new ExportRequest(
                basedir(),
                classesDirectory(),
                projectDependencies(),
                pluginArtifacts(),
                network(),
                datasetSettings(),
                outputDirectory(),
                projectVersion,
                jvmArgList());
        new ExportLauncher(log::info, jvm).export(request);
    }
}
