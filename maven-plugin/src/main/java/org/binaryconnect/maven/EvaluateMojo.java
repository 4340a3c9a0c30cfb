package org.binaryconnect.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Evaluates a trained network on a dataset. Compiles the project first, then, in a forked JVM, loads the
 * {@code model.bin} that {@code binaryconnect:train} wrote, predicts every sample of one part of the data, prints
 * the accuracy, the accuracy of each class and the confusion matrix, and writes them to
 * {@code <outputDirectory>/<NetworkName>/evaluation.json} and {@code confusion-matrix.csv}.
 */
@Mojo(name = "evaluate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class EvaluateMojo extends DatasetMojo {

    /**
     * The network to evaluate: the simple name of its {@code @Network} class (e.g. {@code FashionMlp}) or a fully
     * qualified name. Optional when the project declares exactly one network.
     */
    @Parameter(property = "binaryconnect.network")
    private String network;


    /**
     * Where {@code binaryconnect:train} wrote its networks: the model is read from
     * {@code <outputDirectory>/<NetworkName>/model.bin} and the report is written next to it.
     */
    @Parameter(property = "binaryconnect.outputDirectory", defaultValue = "${project.build.directory}/binaryconnect")
    private File outputDirectory;

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

    /** Skips the evaluation. */
    @Parameter(property = "binaryconnect.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;


    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping the evaluation (binaryconnect.skip).");
            return;
        }
        File basedir = project.getBasedir();
        EvaluateRequest request = new EvaluateRequest(
                basedir,
                new File(project.getBuild().getOutputDirectory()),
                MavenClasspath.entries(project.getArtifacts()),
                MavenClasspath.pluginArtifacts(plugin),
                network,
                datasetSettings(basedir),
                TrainingRequest.resolve(basedir, outputDirectory),
                part,
                weights,
                validationSamples,
                TrainingRequest.splitJvmArgs(jvmArgs));
        new EvaluateLauncher(log::info, log::info, ChildProcess.stderrTo(log)).evaluate(request);
    }
}
