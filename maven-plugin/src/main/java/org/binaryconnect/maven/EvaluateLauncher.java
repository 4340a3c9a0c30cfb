package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Evaluates one trained network in a forked JVM: checks the parameters and finds its {@code model.bin}, assembles
 * the classpath, command and environment, runs {@code EvaluateMain} and turns its exit into Maven's verdict. The
 * fork is the training one's (same classpath rules, exit codes and OpenBLAS tuning: evaluation multiplies the same
 * matrices).
 */
final class EvaluateLauncher {

    static final String MAIN_CLASS = "org.binaryconnect.runtime.cli.EvaluateMain";
    static final List<String> PARTS = List.of("test", "validation", "training");
    static final List<String> WEIGHTS = List.of("BINARY", "REAL", "SAMPLED_AVERAGE");

    private final String mainClass;
    private final Consumer<String> info;
    private final Consumer<String> stdout;
    private final Consumer<String> stderr;
    private final Map<String, String> parentEnvironment;
    private final Supplier<String> cpuinfo;

    /**
     * @param info messages of the launcher itself
     * @param stdout each line the evaluation JVM prints on its standard output
     * @param stderr each line the evaluation JVM prints on its standard error
     */
    EvaluateLauncher(Consumer<String> info, Consumer<String> stdout, Consumer<String> stderr) {
        this(MAIN_CLASS, info, stdout, stderr, System.getenv(), OpenBlasCoreType::readCpuinfo);
    }

    EvaluateLauncher(String mainClass, Consumer<String> info, Consumer<String> stdout, Consumer<String> stderr,
            Map<String, String> parentEnvironment, Supplier<String> cpuinfo) {
        this.mainClass = mainClass;
        this.info = info;
        this.stdout = stdout;
        this.stderr = stderr;
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        this.cpuinfo = cpuinfo;
    }

    /** Evaluates the requested network and returns the folder its report was written to. */
    File evaluate(EvaluateRequest request) throws MojoExecutionException, MojoFailureException {
        // the parameters first: a typo should not wait for the network list, the data or the fork
        String part = part(request.part());
        String weights = weights(request.weights());
        if (request.validationSamples() != null && request.validationSamples() < 0) {
            throw new MojoExecutionException("validationSamples must be >= 0, got " + request.validationSamples()
                    + " (parameter validationSamples).");
        }
        DeclaredNetwork network = DeclaredNetworks.read(request.classesDirectory()).select(request.network());
        request.data().check();
        File folder = new File(request.outputDirectory(), network.name());
        File model = new File(folder, "model.bin");
        if (!model.isFile()) {
            throw new MojoFailureException("There is no trained model of " + network.name() + " to evaluate: "
                    + model + " does not exist; run mvn binaryconnect:train first (with the same outputDirectory).");
        }
        List<File> classpath = ForkClasspath.assemble(request.classesDirectory(), request.projectDependencies(),
                request.pluginArtifacts());
        Map<String, String> environment = environment();
        info.accept("Evaluating " + network.name() + " (" + network.generatedClass() + ") from " + model + " on the "
                + part + " part of " + request.data().source());
        ChildProcess.Result result;
        try {
            result = new ChildProcess(stdout, stderr).run(
                    command(request, network, model, folder, part, weights, classpath), environment,
                    request.workingDirectory());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the evaluation JVM " + TrainingLauncher.javaExecutable()
                    + ": " + e.getMessage() + "; run Maven with a full JDK or JRE.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Evaluating " + network.name() + " was interrupted.", e);
        }
        ChildExit.check(result, network.name(), "Evaluating", "evaluation JVM");
        info.accept("Evaluated " + network.name() + ": " + new File(folder, "evaluation.json") + ", "
                + new File(folder, "confusion-matrix.csv"));
        return folder;
    }

    /** The {@code part} parameter, lower-cased, or a failure naming it. */
    static String part(String value) throws MojoExecutionException {
        String part = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!PARTS.contains(part)) {
            throw new MojoExecutionException("part must be one of " + String.join(", ", PARTS) + ", got '" + value
                    + "' (parameter part, -Dbinaryconnect.part).");
        }
        return part;
    }

    /** The {@code weights} parameter, upper-cased, null when not given, or a failure naming it. */
    static String weights(String value) throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String weights = value.trim().toUpperCase(Locale.ROOT);
        if (!WEIGHTS.contains(weights)) {
            throw new MojoExecutionException("weights must be one of " + String.join(", ", WEIGHTS) + ", got '"
                    + value + "' (parameter weights, -Dbinaryconnect.weights); leave it out for the network's own.");
        }
        return weights;
    }

    List<String> command(EvaluateRequest request, DeclaredNetwork network, File model, File output, String part,
            String weights, List<File> classpath) {
        List<String> command = TrainingLauncher.forkCommand(request.jvmArgs(), classpath, mainClass, network);
        command.add("--model");
        command.add(model.getAbsolutePath());
        command.addAll(request.data().arguments());
        command.add("--output");
        command.add(output.getAbsolutePath());
        command.add("--part");
        command.add(part);
        if (weights != null) {
            command.add("--weights");
            command.add(weights);
        }
        if (request.validationSamples() != null) {
            command.add("--validation-samples");
            command.add(String.valueOf(request.validationSamples()));
        }
        return List.copyOf(command);
    }

    /** The training JVM's OpenBLAS settings, from the same code: the evaluation runs the same products. */
    Map<String, String> environment() {
        Consumer<String> none = line -> { };
        return new TrainingLauncher(TrainingLauncher.MAIN_CLASS, none, none, none, parentEnvironment, cpuinfo)
                .environment();
    }
}
