package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.binaryconnect.runtime.cli.CliOption;
import org.binaryconnect.runtime.cli.SummaryMain;

/** Prints a declared network's per-layer summary: {@code SummaryMain} in a {@link ForkedJvm}. */
final class SummaryLauncher {

    static final String MAIN_CLASS = SummaryMain.class.getName();

    /** What the summary needs: the compiled project, the plugin's runtime, and which network. */
    record Request(File workingDirectory, File classesDirectory, List<ClasspathEntry> projectDependencies,
            List<ClasspathEntry> pluginArtifacts, String network, List<String> jvmArgs) {
    }

    private final ForkedJvm jvm;
    private final String mainClass;

    SummaryLauncher(ForkedJvm jvm) {
        this(jvm, MAIN_CLASS);
    }

    SummaryLauncher(ForkedJvm jvm, String mainClass) {
        this.jvm = jvm;
        this.mainClass = mainClass;
    }

    void summarise(Request request) throws MojoExecutionException, MojoFailureException {
        DeclaredNetwork network = DeclaredNetworks.read(request.classesDirectory()).select(request.network());
        jvm.run(new ForkedJvm.Fork(ForkedJvm.Activity.SUMMARY, network.name(), mainClass,
                new ChildArguments().add(CliOption.NETWORK, network.generatedClass()).toList(), request.jvmArgs(),
                ForkClasspath.assemble(request.classesDirectory(), request.projectDependencies(),
                        request.pluginArtifacts()),
                request.workingDirectory()));
    }
}
