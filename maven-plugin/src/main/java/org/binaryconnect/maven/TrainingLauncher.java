package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.binaryconnect.runtime.cli.CliOption;
import org.binaryconnect.runtime.cli.TrainMain;
import org.binaryconnect.runtime.io.OutputLock;

/**
 * Trains one declared network: checks the request, skips a run whose inputs are those of the last completed one,
 * and otherwise runs {@code TrainMain} in a {@link ForkedJvm} (or in Maven's own JVM when {@code fork} is off).
 */
final class TrainingLauncher {

    static final String MAIN_CLASS = TrainMain.class.getName();

    private final Consumer<String> info;
    private final ForkedJvm jvm;
    private final String mainClass;

    /** @param info messages of the launcher itself */
    TrainingLauncher(Consumer<String> info, ForkedJvm jvm) {
        this(info, jvm, MAIN_CLASS);
    }

    TrainingLauncher(Consumer<String> info, ForkedJvm jvm, String mainClass) {
        this.info = info;
        this.jvm = jvm;
        this.mainClass = mainClass;
    }

    /** Trains the requested network and returns the folder its model and metrics were written to. */
    File train(TrainingRequest request) throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        DeclaredNetwork network = DeclaredNetworks.read(request.classesDirectory()).select(request.network());
        request.data().check();
        request.overrides().validate();
        File output = new File(request.outputDirectory(), network.name());
        boolean created = !output.isDirectory();
        if (created && !output.mkdirs()) {
            throw new MojoExecutionException("Cannot create the output directory " + output
                    + " (parameter outputDirectory); choose a writable one with -Dbinaryconnect.outputDirectory=<dir>.");
        }
        OutputLock lock = NetworkFolderLock.hold(output, "binaryconnect:train");
        boolean trained = false;
        try {
            File result = train(request, network, output, start);
            trained = true;
            return result;
        } finally {
            NetworkFolderLock.release(lock);
            if (created && !trained) {
                removeIfOnlyTheLock(output);
            }
        }
    }

    /** A folder this goal created for a run that failed before writing anything is not left behind. */
    private static void removeIfOnlyTheLock(File output) {
        String[] names = output.list();
        if (names != null && names.length == 1 && names[0].equals(OutputLock.FILE_NAME)) {
            new File(output, OutputLock.FILE_NAME).delete();
            output.delete();
        }
    }

    private File train(TrainingRequest request, DeclaredNetwork network, File output, long start)
            throws MojoExecutionException, MojoFailureException {
        TrainingInputs inputs = TrainingInputs.of(request, network);
        if (!request.options().force() && inputs.upToDate(output)) {
            info.accept(network.name() + " is up to date: its network, data and configuration are those of the "
                    + "completed training in " + output + "; nothing to do (-Dbinaryconnect.force to train again; "
                    + "checked in " + (System.nanoTime() - start) / 1_000_000 + " ms)");
            return output;
        }
        try {
            TrainingInputs.forget(output);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write in " + output + " (parameter outputDirectory): "
                    + e.getMessage(), e);
        }
        List<String> arguments = arguments(request, network, output);
        if (request.options().fork()) {
            Map<String, String> environment = jvm.environment(request.options().environment());
            info.accept("Training " + network.name() + " (" + network.generatedClass() + ") on "
                    + request.data().source() + " into " + output
                    + (environment.isEmpty() ? "" : ", " + describe(environment)));
            SparkSettings spark = request.spark();
            if (spark != null) {
                info.accept("on Apache Spark: master " + spark.master() + ", " + spark.workers() + " workers, "
                        + "averaging every " + spark.syncEvery() + " steps");
                arguments = new ArrayList<>(arguments);
                arguments.addAll(spark.arguments());
            }
            List<ClasspathEntry> artifacts = new ArrayList<>(request.pluginArtifacts());
            if (spark != null) {
                // after the plugin's own: a library on both sides is the runtime's version
                artifacts.addAll(spark.classpath());
            }
            jvm.run(new ForkedJvm.Fork(ForkedJvm.Activity.TRAINING, network.name(),
                    spark == null ? mainClass : SparkSettings.MAIN_CLASS, arguments,
                    spark == null ? request.jvmArgs() : spark.jvmArgs(request.jvmArgs()),
                    ForkClasspath.assemble(request.classesDirectory(), request.projectDependencies(), artifacts),
                    request.workingDirectory(), request.options().environment(), request.options().progress()));
        } else if (request.spark() != null) {
            throw new MojoExecutionException("Training on Spark (binaryconnect.spark.master) needs a forked training"
                    + " JVM, the Spark driver: leave fork at true.");
        } else {
            info.accept("Training " + network.name() + " (" + network.generatedClass() + ") on "
                    + request.data().source() + " into " + output + " in Maven's JVM");
            trainInProcess(request, network, arguments);
        }
        try {
            // again: a dataset given by name may have been downloaded meanwhile
            TrainingInputs.of(request, network).record(output);
        } catch (IOException e) {
            throw new MojoExecutionException("Trained " + network.name() + ", but cannot record it in " + output
                    + ": " + e.getMessage(), e);
        }
        info.accept("Trained " + network.name() + ": " + new File(output, "model.bin") + ", "
                + new File(output, "metrics.csv"));
        return output;
    }

    private void trainInProcess(TrainingRequest request, DeclaredNetwork network, List<String> arguments)
            throws MojoExecutionException, MojoFailureException {
        if (!jvm.mavenSetsCoreType()) {
            info.accept("Training in Maven's JVM, where " + OpenBlasCoreType.VARIABLE + " is not set: OpenBLAS may "
                    + "run a slow generic kernel. Export it before mvn (e.g. " + OpenBlasCoreType.VARIABLE
                    + "=Haswell) or train in a forked JVM (fork=true).");
        }
        List<File> projectClasspath = new ArrayList<>();
        projectClasspath.add(request.classesDirectory());
        request.projectDependencies().forEach(entry -> projectClasspath.add(entry.file()));
        ChildProcess.Result result;
        try {
            result = new InProcessTraining(jvm.stdout(), jvm.stderr()).run(mainClass, arguments, projectClasspath);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot train " + network.name() + " in Maven's JVM: " + e.getMessage()
                    + "; train in a forked JVM (fork=true).", e);
        }
        ChildExit.check(result, network.name(), ForkedJvm.Activity.TRAINING);
    }

    /** {@code TrainMain}'s command line for this request. */
    static List<String> arguments(TrainingRequest request, DeclaredNetwork network, File output) {
        ChildArguments arguments = new ChildArguments()
                .add(CliOption.NETWORK, network.generatedClass())
                .addAll(request.data().arguments())
                .add(CliOption.OUTPUT, output.getAbsolutePath())
                .addAll(request.overrides().arguments());
        if (!request.options().resume()) {
            arguments.add(CliOption.RESUME, false);
        }
        if (request.options().progress()) {
            arguments.add(CliOption.PROGRESS, true);
        }
        return arguments.toList();
    }

    private static String describe(Map<String, String> environment) {
        StringBuilder text = new StringBuilder();
        environment.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=')
                .append(value));
        return text.toString();
    }
}
