package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.binaryconnect.runtime.cli.CliOption;
import org.binaryconnect.runtime.cli.EvaluateMain;
import org.binaryconnect.runtime.io.OutputLock;

/**
 * Evaluates one trained network: checks the parameters, finds its {@code model.bin} and runs {@code EvaluateMain}
 * in a {@link ForkedJvm} (the training one's classpath, exit codes and OpenBLAS tuning: evaluation multiplies the
 * same matrices).
 */
final class EvaluateLauncher {

    static final String MAIN_CLASS = EvaluateMain.class.getName();
    static final List<String> PARTS = List.of("test", "validation", "training");
    static final List<String> WEIGHTS = List.of("BINARY", "REAL", "SAMPLED_AVERAGE");

    private final Consumer<String> info;
    private final ForkedJvm jvm;
    private final String mainClass;

    /** @param info messages of the launcher itself */
    EvaluateLauncher(Consumer<String> info, ForkedJvm jvm) {
        this(info, jvm, MAIN_CLASS);
    }

    EvaluateLauncher(Consumer<String> info, ForkedJvm jvm, String mainClass) {
        this.info = info;
        this.jvm = jvm;
        this.mainClass = mainClass;
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
        OutputLock lock = NetworkFolderLock.hold(folder, "binaryconnect:evaluate");
        try {
            info.accept("Evaluating " + network.name() + " (" + network.generatedClass() + ") from " + model
                    + " on the " + part + " part of " + request.data().source());
            jvm.run(new ForkedJvm.Fork(ForkedJvm.Activity.EVALUATION, network.name(), mainClass,
                    arguments(request, network, model, folder, part, weights), request.jvmArgs(),
                    ForkClasspath.assemble(request.classesDirectory(), request.projectDependencies(),
                            request.pluginArtifacts()),
                    request.workingDirectory()));
        } finally {
            NetworkFolderLock.release(lock);
        }
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

    /** {@code EvaluateMain}'s command line for this request. */
    static List<String> arguments(EvaluateRequest request, DeclaredNetwork network, File model, File output,
            String part, String weights) {
        return new ChildArguments()
                .add(CliOption.NETWORK, network.generatedClass())
                .add(CliOption.MODEL, model.getAbsolutePath())
                .addAll(request.data().arguments())
                .add(CliOption.OUTPUT, output.getAbsolutePath())
                .add(CliOption.PART, part)
                .add(CliOption.WEIGHTS, weights)
                .add(CliOption.VALIDATION_SAMPLES, request.validationSamples())
                .toList();
    }
}
