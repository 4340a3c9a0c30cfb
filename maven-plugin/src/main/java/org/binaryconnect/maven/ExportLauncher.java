package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Exports one trained network in a forked JVM: finds its {@code model.bin}, assembles the classpath and command,
 * runs {@code ExportMain} and turns its exit into Maven's verdict. The fork is the training one's (same classpath
 * rules, same exit codes) without the OpenBLAS tuning: an export multiplies no matrices.
 */
final class ExportLauncher {

    static final String MAIN_CLASS = "org.binaryconnect.runtime.cli.ExportMain";
    /** The folder under {@code <outputDirectory>/<Network>/} that receives the C header and source. */
    static final String C_FOLDER = "c";

    private final String mainClass;
    private final Consumer<String> info;
    private final Consumer<String> stdout;
    private final Consumer<String> stderr;

    /**
     * @param info messages of the launcher itself
     * @param stdout each line the export JVM prints on its standard output
     * @param stderr each line the export JVM prints on its standard error
     */
    ExportLauncher(Consumer<String> info, Consumer<String> stdout, Consumer<String> stderr) {
        this(MAIN_CLASS, info, stdout, stderr);
    }

    ExportLauncher(String mainClass, Consumer<String> info, Consumer<String> stdout, Consumer<String> stderr) {
        this.mainClass = mainClass;
        this.info = info;
        this.stdout = stdout;
        this.stderr = stderr;
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
        List<File> classpath = ForkClasspath.assemble(request.classesDirectory(), request.projectDependencies(),
                request.pluginArtifacts());
        info.accept("Exporting " + network.name() + " (" + network.generatedClass() + ") from " + model);
        ChildProcess.Result result;
        try {
            result = new ChildProcess(stdout, stderr).run(command(request, network, model, cDirectory, classpath),
                    Map.of(), request.workingDirectory());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the export JVM " + TrainingLauncher.javaExecutable() + ": "
                    + e.getMessage() + "; run Maven with a full JDK or JRE.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Exporting " + network.name() + " was interrupted.", e);
        }
        ChildExit.check(result, network.name(), "Exporting", "export JVM");
        info.accept("Exported " + network.name() + " into " + request.classesDirectory() + " and " + cDirectory);
        return cDirectory;
    }

    List<String> command(ExportRequest request, DeclaredNetwork network, File model, File cDirectory,
            List<File> classpath) {
        List<String> command = TrainingLauncher.forkCommand(request.jvmArgs(), classpath, mainClass, network);
        command.add("--model");
        command.add(model.getAbsolutePath());
        command.add("--resource-dir");
        command.add(request.classesDirectory().getAbsolutePath());
        command.add("--c-dir");
        command.add(cDirectory.getAbsolutePath());
        return List.copyOf(command);
    }
}
