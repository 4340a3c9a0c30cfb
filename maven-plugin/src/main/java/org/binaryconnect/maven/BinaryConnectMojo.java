package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal that runs a network's entry point in a forked JVM ({@code train}, {@code evaluate},
 * {@code export}) shares: which network, where its folder is, {@code skip}, and the project and plugin the forked
 * JVM's classpath is assembled from. A goal says what it runs in {@link #run(Log, ForkedJvm)}.
 *
 * <p>{@code jvmArgs} is declared by each goal: a Maven parameter has one default, and the goals need different
 * heaps (training the most).
 */
abstract class BinaryConnectMojo extends AbstractMojo {

    /**
     * The network: the simple name of its {@code @Network} class (e.g. {@code FashionMlp}) or a fully qualified
     * name. Optional when the project declares exactly one network.
     */
    @Parameter(property = "binaryconnect.network")
    private String network;

    /**
     * Where {@code binaryconnect:train} writes its networks, and where {@code evaluate} and {@code export} read
     * them: each network has a folder {@code <outputDirectory>/<NetworkName>/} holding its model ({@code model.bin}),
     * checkpoint, metrics, evaluation report and exported C files ({@code c/}).
     */
    @Parameter(property = "binaryconnect.outputDirectory", defaultValue = "${project.build.directory}/binaryconnect")
    private File outputDirectory;

    /** Skips this goal. */
    @Parameter(property = "binaryconnect.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("Skipping " + activity() + " (binaryconnect.skip).");
            return;
        }
        run(log, new ForkedJvm(log::info, ChildProcess.stderrTo(log)));
    }

    /** What the goal does, as in "Skipping training": {@code training}, {@code the evaluation}, {@code the export}. */
    abstract String activity();

    /** Builds the goal's request and runs it; the forked JVM's output goes to {@code log}. */
    abstract void run(Log log, ForkedJvm jvm) throws MojoExecutionException, MojoFailureException;

    /** The goal's {@code jvmArgs} parameter. */
    abstract String jvmArgs();

    /** The {@code jvmArgs} parameter split on whitespace. */
    final List<String> jvmArgList() {
        return TrainingRequest.splitJvmArgs(jvmArgs());
    }

    /** The {@code network} parameter, or null to take the project's only network. */
    final String network() {
        return network;
    }

    /** The {@code outputDirectory} parameter, resolved against the project's base directory. */
    final File outputDirectory() {
        return TrainingRequest.resolve(basedir(), outputDirectory);
    }

    final File basedir() {
        return project.getBasedir();
    }

    /** The project's compiled classes: the generated networks and their list. */
    final File classesDirectory() {
        return new File(project.getBuild().getOutputDirectory());
    }

    /** The project's compile classpath, the classes directory aside. */
    final List<ClasspathEntry> projectDependencies() {
        return MavenClasspath.entries(project.getArtifacts());
    }

    /** The plugin's own dependencies: the runtime, ND4J and its natives. */
    final List<ClasspathEntry> pluginArtifacts() {
        return MavenClasspath.pluginArtifacts(plugin);
    }

    final MavenProject project() {
        return project;
    }

    final MavenSession session() {
        return session;
    }
}
