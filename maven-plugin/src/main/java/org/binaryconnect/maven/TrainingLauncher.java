package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Trains one declared network in a forked JVM: checks the request, assembles the classpath, command and
 * environment, runs {@code TrainMain} and turns its exit into Maven's verdict.
 */
final class TrainingLauncher {

    static final String MAIN_CLASS = "org.binaryconnect.runtime.cli.TrainMain";

    private final String mainClass;
    private final Consumer<String> info;
    private final Consumer<String> stdout;
    private final Consumer<String> stderr;
    private final Map<String, String> parentEnvironment;
    private final Supplier<String> cpuinfo;

    /**
     * @param info messages of the launcher itself
     * @param stdout each line the training JVM prints on its standard output
     * @param stderr each line the training JVM prints on its standard error
     */
    TrainingLauncher(Consumer<String> info, Consumer<String> stdout, Consumer<String> stderr) {
        this(MAIN_CLASS, info, stdout, stderr, System.getenv(), OpenBlasCoreType::readCpuinfo);
    }

    TrainingLauncher(String mainClass, Consumer<String> info, Consumer<String> stdout, Consumer<String> stderr,
            Map<String, String> parentEnvironment, Supplier<String> cpuinfo) {
        this.mainClass = mainClass;
        this.info = info;
        this.stdout = stdout;
        this.stderr = stderr;
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        this.cpuinfo = cpuinfo;
    }

    /** Trains the requested network and returns the folder its model and metrics were written to. */
    File train(TrainingRequest request) throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        DeclaredNetwork network = DeclaredNetworks.read(request.classesDirectory()).select(request.network());
        request.data().check();
        request.overrides().validate();
        File output = new File(request.outputDirectory(), network.name());
        if (!output.isDirectory() && !output.mkdirs()) {
            throw new MojoExecutionException("Cannot create the output directory " + output
                    + " (parameter outputDirectory); choose a writable one with -Dbinaryconnect.outputDirectory=<dir>.");
        }
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
        List<File> classpath = ForkClasspath.assemble(request.classesDirectory(), request.projectDependencies(),
                request.pluginArtifacts());
        Map<String, String> environment = new TreeMap<>(environment());
        environment.putAll(request.options().environment());
        info.accept("Training " + network.name() + " (" + network.generatedClass() + ") on " + request.data().source()
                + " into " + output + (request.options().fork() ? "" : " in Maven's JVM")
                + (environment.isEmpty() || !request.options().fork() ? "" : ", " + describe(environment)));
        ChildProcess.Result result;
        try {
            if (request.options().fork()) {
                result = new ChildProcess(stdout, withoutIncubatorWarning(stderr), request.options().progress())
                        .run(command(request, network, output, classpath), environment, request.workingDirectory());
            } else {
                result = trainInProcess(request, network, output);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the training JVM " + javaExecutable() + ": "
                    + e.getMessage() + "; run Maven with a full JDK or JRE.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Training " + network.name() + " was interrupted.", e);
        }
        ChildExit.check(result, network.name());
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


    private ChildProcess.Result trainInProcess(TrainingRequest request, DeclaredNetwork network, File output)
            throws IOException {
        if (!parentEnvironment.containsKey(OpenBlasCoreType.VARIABLE)) {
            info.accept("Training in Maven's JVM, where " + OpenBlasCoreType.VARIABLE + " is not set: OpenBLAS may "
                    + "run a slow generic kernel. Export it before mvn (e.g. " + OpenBlasCoreType.VARIABLE
                    + "=Haswell) or train in a forked JVM (fork=true).");
        }
        List<String> command = command(request, network, output, List.of());
        List<String> arguments = command.subList(command.indexOf(mainClass) + 1, command.size());
        List<File> projectClasspath = new ArrayList<>();
        projectClasspath.add(request.classesDirectory());
        request.projectDependencies().forEach(entry -> projectClasspath.add(entry.file()));
        return new InProcessTraining(stdout, stderr).run(mainClass, arguments, projectClasspath);
    }

    List<String> command(TrainingRequest request, DeclaredNetwork network, File output, List<File> classpath) {
        List<String> command = forkCommand(request.jvmArgs(), classpath, mainClass, network);
        if (VECTOR_MODULE_PRESENT) {
            command.add(1, ADD_VECTOR_MODULE);
        }
        command.addAll(request.data().arguments());
        command.add("--output");
        command.add(output.getAbsolutePath());
        command.addAll(request.overrides().arguments());
        if (!request.options().resume()) {
            command.add("--resume");
            command.add("false");
        }
        if (request.options().progress()) {
            command.add("--progress");
            command.add("true");
        }
        return List.copyOf(command);
    }

    /**
     * What the training JVM's environment sets on top of Maven's: the OpenBLAS kernel (the user's or chosen) and,
     * unless the user set one, a short OpenBLAS thread timeout. OpenBLAS's threads otherwise spin for a long while
     * after each product and take the core from the training step's own loops: on the 784-2048x3-10 benchmark the
     * optimizer update went from 16.0 to 8.4 ms per step and binarization from 26.4 to 13.7 ms with it.
     */
    Map<String, String> environment() {
        Map<String, String> environment = new TreeMap<>();
        String userValue = parentEnvironment.get(OpenBlasCoreType.VARIABLE);
        OpenBlasCoreType.choose(userValue, cpuinfo).ifPresent(value -> environment.put(OpenBlasCoreType.VARIABLE, value));
        if (!parentEnvironment.containsKey(THREAD_TIMEOUT)) {
            environment.put(THREAD_TIMEOUT, SHORT_THREAD_TIMEOUT);
        }
        return Map.copyOf(environment);
    }

    /**
     * The incubating Vector API, which the runtime's optimizer uses for its update when it is resolved (otherwise
     * it takes a scalar path with the same results): on the 784-2048x3-10 benchmark the update took 15.1-17.0 ms
     * per step without it and 7.4-7.8 ms with it.
     */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String ADD_VECTOR_MODULE = "--add-modules=" + VECTOR_MODULE;
    /** Whether the JDK that runs Maven, and so the training JVM, has the module (a jlinked runtime may not). */
    static final boolean VECTOR_MODULE_PRESENT = ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();
    /** What a JVM that resolves an incubating module prints first on its standard error. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + VECTOR_MODULE;

    /** {@code stderr} without the JVM's line about the incubating module, which it prints on every start. */
    static Consumer<String> withoutIncubatorWarning(Consumer<String> stderr) {
        return line -> {
            if (!line.equals(INCUBATOR_WARNING)) {
                stderr.accept(line);
            }
        };
    }

    /** OpenBLAS waits 2^n cycles for new work before its threads sleep. */
    static final String THREAD_TIMEOUT = "OPENBLAS_THREAD_TIMEOUT";
    static final String SHORT_THREAD_TIMEOUT = "4";

    static String javaExecutable() {
        return new File(new File(System.getProperty("java.home"), "bin"), "java").getAbsolutePath();
    }

    /** The start every forked command shares: {@code java <jvmArgs> -cp <classpath> <mainClass> --network <class>}. */
    static List<String> forkCommand(List<String> jvmArgs, List<File> classpath, String mainClass,
            DeclaredNetwork network) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(ForkClasspath.asArgument(classpath));
        command.add(mainClass);
        command.add("--network");
        command.add(network.generatedClass());
        return command;
    }

    private static String describe(Map<String, String> environment) {
        StringBuilder text = new StringBuilder();
        environment.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=')
                .append(value));
        return text.toString();
    }
}
