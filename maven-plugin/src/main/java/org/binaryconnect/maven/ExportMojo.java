package org.binaryconnect.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
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
 * Exports a trained network for inference. Compiles the project first, then, in a forked JVM, packs the
 * {@code model.bin} that {@code binaryconnect:train} wrote (binary weights at one bit each, batch norm folded) into
 * {@code <Spec>.bcpk} next to the spec in the project's classes, where the generated {@code <Spec>Inference} reads
 * it and {@code mvn package} ships it; and writes a C99 header and source of the same model into
 * {@code <outputDirectory>/<NetworkName>/c/}.
 */
@Mojo(name = "export", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class ExportMojo extends AbstractMojo {

    /**
     * The network to export: the simple name of its {@code @Network} class (e.g. {@code FashionMlp}) or a fully
     * qualified name. Optional when the project declares exactly one network.
     */
    @Parameter(property = "binaryconnect.network")
    private String network;

    /**
     * Where {@code binaryconnect:train} wrote its networks: the model is read from
     * {@code <outputDirectory>/<NetworkName>/model.bin} and the C files go to {@code <outputDirectory>/<NetworkName>/c/}.
     */
    @Parameter(property = "binaryconnect.outputDirectory", defaultValue = "${project.build.directory}/binaryconnect")
    private File outputDirectory;

    /** Options of the export JVM, separated by spaces. */
    @Parameter(property = "binaryconnect.jvmArgs", defaultValue = "-Xmx1g")
    private String jvmArgs;

    /** Skips the export. */
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
            log.info("Skipping the export (binaryconnect.skip).");
            return;
        }
        File basedir = project.getBasedir();
        ExportRequest request = new ExportRequest(
                basedir,
                new File(project.getBuild().getOutputDirectory()),
                MavenClasspath.entries(project.getArtifacts()),
                MavenClasspath.pluginArtifacts(plugin),
                network,
                TrainingRequest.resolve(basedir, outputDirectory),
                TrainingRequest.splitJvmArgs(jvmArgs));
        new ExportLauncher(log::info, log::info, ChildProcess.stderrTo(log)).export(request);
    }
}
