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
 * Prints a network's per-layer summary without training: each layer's output shape, its binary and float
 * parameters, its bytes in the packed model against float32 weights, its multiply-accumulates with binary and with
 * float weights, the totals and the binarized shares (what {@code train} prints when it starts).
 */
@Mojo(name = "summary", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE, lifecycle = "binaryconnect")
public final class SummaryMojo extends BinaryConnectMojo {

    /** Options of the summary JVM, separated by spaces. */
    @Parameter(property = "binaryconnect.jvmArgs", defaultValue = "-Xmx256m")
    private String jvmArgs;

    @Override
    String activity() {
        return "the summary";
    }

    @Override
    String jvmArgs() {
        return jvmArgs;
    }

    @Override
    void run(Log log, ForkedJvm jvm) throws MojoExecutionException, MojoFailureException {
        new SummaryLauncher(jvm).summarise(new SummaryLauncher.Request(basedir(), classesDirectory(),
                projectDependencies(), pluginArtifacts(), network(), jvmArgList()));
    }
}
