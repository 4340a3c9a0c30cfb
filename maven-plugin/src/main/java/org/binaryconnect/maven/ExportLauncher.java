package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.binaryconnect.runtime.cli.CliOption;
import org.binaryconnect.runtime.cli.ExportMain;
import org.binaryconnect.runtime.io.OutputLock;

/**
 * Exports one trained network: finds its {@code model.bin} and runs {@code ExportMain} in a {@link ForkedJvm}, which
 * checks the packed model against the trained network on the test data (the dataset parameters of training), then
 * writes the packed resource and its model card into the project's classes and the C files next to the model.
 */
final class ExportLauncher {

    static final String MAIN_CLASS = ExportMain.class.getName();
    /** The folder under {@code <outputDirectory>/<Network>/} that receives the C header and source. */
    static final String C_FOLDER = "c";

    private final Consumer<String> info;
    private final ForkedJvm jvm;
    private final String mainClass;

    /** @param info messages of the launcher itself */
    ExportLauncher(Consumer<String> info, ForkedJvm jvm) {
        this(info, jvm, MAIN_CLASS);
    }

    ExportLauncher(Consumer<String> info, ForkedJvm jvm, String mainClass) {
        this.info = info;
        this.jvm = jvm;
        this.mainClass = mainClass;
    }

    /** Exports the requested network and returns the folder its C files were written to. */
    File export(ExportRequest request) throws MojoExecutionException, MojoFailureException {
        DeclaredNetwork network = DeclaredNetworks.read(request.classesDirectory()).select(request.network());
        File folder = new File(request.outputDirectory(), network.name());
        File model = new File(folder, "model.bin");
        if (!model.isFile()) {
            throw new MojoFailureException("There is no trained model of " + network.name() + " to export: " + model
                    + " does not exist; run mvn binaryconnect:train first (with the same outputDirectory).");
        }
        File cDirectory = new File(folder, C_FOLDER);
        OutputLock lock = NetworkFolderLock.hold(folder, "binaryconnect:export");
        try {
            info.accept("Exporting " + network.name() + " (" + network.generatedClass() + ") from " + model);
            jvm.run(new ForkedJvm.Fork(ForkedJvm.Activity.EXPORT, network.name(), mainClass,
                    arguments(request, network, model, cDirectory), request.jvmArgs(),
                    ForkClasspath.assemble(request.classesDirectory(), request.projectDependencies(),
                            request.pluginArtifacts()),
                    request.workingDirectory()));
        } finally {
            NetworkFolderLock.release(lock);
        }
        info.accept("Exported " + network.name() + " into " + request.classesDirectory() + " and " + cDirectory);
        return cDirectory;
    }

    /** {@code ExportMain}'s command line for this request. */
    static List<String> arguments(ExportRequest request, DeclaredNetwork network, File model, File cDirectory) {
        return new ChildArguments()
                .add(CliOption.NETWORK, network.generatedClass())
                .add(CliOption.MODEL, model.getAbsolutePath())
                .add(CliOption.RESOURCE_DIR, request.classesDirectory().getAbsolutePath())
                .add(CliOption.C_DIR, cDirectory.getAbsolutePath())
                .add(CliOption.PROJECT_VERSION, request.projectVersion())
                .addAll(request.data().arguments())
                .toList();
    }
}
