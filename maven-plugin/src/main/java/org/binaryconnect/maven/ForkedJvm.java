package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.binaryconnect.runtime.cli.ParentWatch;

/**
 * Runs one of the runtime's entry points ({@code TrainMain}, {@code EvaluateMain}, {@code ExportMain}) in a forked
 * JVM, the same way for every goal: the Java of the JDK that runs Maven, the goal's JVM options, the incubating
 * Vector API when the JDK has it, the project's classes with the plugin's runtime and ND4J on the classpath, OpenBLAS
 * tuned in the environment, output passed on line by line, and the child's exit turned into Maven's verdict. A goal
 * only says which main class to run with which arguments ({@link Fork}).
 */
final class ForkedJvm {

    /**
     * The incubating Vector API, which the runtime's optimizer uses for its update when it is resolved (otherwise
     * it takes a scalar path with the same results): on the 784-2048x3-10 benchmark the update took 15.1-17.0 ms
     * per step without it and 7.4-7.8 ms with it.
     */
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String ADD_VECTOR_MODULE = "--add-modules=" + VECTOR_MODULE;
    /** Whether the JDK that runs Maven, and so the forked JVM, has the module (a jlinked runtime may not). */
    static final boolean VECTOR_MODULE_PRESENT = ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent();
    /** What a JVM that resolves an incubating module prints first on its standard error. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + VECTOR_MODULE;

    /** OpenBLAS waits 2^n cycles for new work before its threads sleep. */
    static final String THREAD_TIMEOUT = "OPENBLAS_THREAD_TIMEOUT";
    static final String SHORT_THREAD_TIMEOUT = "4";

    /** What a forked JVM does, as its messages say it. */
    enum Activity {
        TRAINING("Training", "training JVM"),
        EVALUATION("Evaluating", "evaluation JVM"),
        EXPORT("Exporting", "export JVM"),
        SUMMARY("Summarising", "summary JVM");

        private final String action;
        private final String jvmName;

        Activity(String action, String jvmName) {
            this.action = action;
            this.jvmName = jvmName;
        }

        /** E.g. {@code Training}, as in "Training FashionMlp failed: ...". */
        String action() {
            return action;
        }

        /** E.g. {@code training JVM}, as in "The training JVM of FashionMlp was killed ...". */
        String jvmName() {
            return jvmName;
        }
    }

    /**
     * One run of an entry point.
     *
     * @param activity what the JVM does, for the messages
     * @param network the network's name, for the messages
     * @param mainClass the entry point
     * @param arguments its command line (after the main class)
     * @param jvmArgs the goal's {@code jvmArgs}
     * @param classpath the project's classes and dependencies with the plugin's artifacts ({@link ForkClasspath})
     * @param workingDirectory the project's base directory
     * @param environment variables over those the plugin sets (the user's)
     * @param inheritStdout the child writes straight to the terminal (a progress bar redraws its line in place)
     */
    record Fork(Activity activity, String network, String mainClass, List<String> arguments, List<String> jvmArgs,
            List<File> classpath, File workingDirectory, Map<String, String> environment, boolean inheritStdout) {

        Fork {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(mainClass, "mainClass");
            arguments = List.copyOf(arguments);
            jvmArgs = List.copyOf(jvmArgs);
            classpath = List.copyOf(classpath);
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            environment = Map.copyOf(environment);
        }

        /** A fork with the plugin's environment whose output goes through the log. */
        Fork(Activity activity, String network, String mainClass, List<String> arguments, List<String> jvmArgs,
                List<File> classpath, File workingDirectory) {
            this(activity, network, mainClass, arguments, jvmArgs, classpath, workingDirectory, Map.of(), false);
        }
    }

    private final Consumer<String> stdout;
    private final Consumer<String> stderr;
    private final Map<String, String> parentEnvironment;
    private final Supplier<String> cpuinfo;

    /**
     * @param stdout each line the forked JVM prints on its standard output
     * @param stderr each line the forked JVM prints on its standard error
     */
    ForkedJvm(Consumer<String> stdout, Consumer<String> stderr) {
        this(stdout, stderr, System.getenv(), OpenBlasCoreType::readCpuinfo);
    }

    /**
     * @param parentEnvironment the environment Maven runs in
     * @param cpuinfo this machine's {@code /proc/cpuinfo}, to choose the OpenBLAS kernel
     */
    ForkedJvm(Consumer<String> stdout, Consumer<String> stderr, Map<String, String> parentEnvironment,
            Supplier<String> cpuinfo) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        this.cpuinfo = cpuinfo;
    }

    /** Runs the fork to its end; returns when it succeeded, throws Maven's verdict when it did not. */
    void run(Fork fork) throws MojoExecutionException, MojoFailureException {
        ChildProcess.Result result;
        try {
            result = new ChildProcess(stdout, withoutIncubatorWarning(stderr), fork.inheritStdout()).run(
                    command(fork.jvmArgs(), fork.classpath(), fork.mainClass(), fork.arguments()),
                    withParent(environment(fork.environment())), fork.workingDirectory());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the " + fork.activity().jvmName() + " " + javaExecutable() + ": "
                    + e.getMessage() + "; run Maven with a full JDK or JRE.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(fork.activity().action() + " " + fork.network() + " was interrupted.", e);
        }
        ChildExit.check(result, fork.network(), fork.activity());
    }

    /**
     * The environment with this JVM's process id, which the fork watches: a {@code kill -9} of Maven then ends
     * the fork within a second instead of leaving it training, unseen, into the folder ({@link ParentWatch}).
     */
    static Map<String, String> withParent(Map<String, String> environment) {
        Map<String, String> withParent = new TreeMap<>(environment);
        withParent.put(ParentWatch.PARENT_PID_VARIABLE, Long.toString(ProcessHandle.current().pid()));
        return withParent;
    }

    /** {@code java [--add-modules=jdk.incubator.vector] <jvmArgs> -cp <classpath> <mainClass> <arguments>}. */
    static List<String> command(List<String> jvmArgs, List<File> classpath, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        if (VECTOR_MODULE_PRESENT) {
            command.add(ADD_VECTOR_MODULE);
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(ForkClasspath.asArgument(classpath));
        command.add(mainClass);
        command.addAll(arguments);
        return List.copyOf(command);
    }

    /**
     * What the forked JVM's environment sets on top of Maven's: the OpenBLAS kernel (the user's or chosen) and,
     * unless the user set one, a short OpenBLAS thread timeout, then {@code userVariables}. OpenBLAS's threads
     * otherwise spin for a long while after each product and take the core from the training step's own loops: on
     * the 784-2048x3-10 benchmark the optimizer update went from 16.0 to 8.4 ms per step and binarization from 26.4
     * to 13.7 ms with it.
     */
    Map<String, String> environment(Map<String, String> userVariables) {
        Map<String, String> environment = new TreeMap<>();
        String userValue = parentEnvironment.get(OpenBlasCoreType.VARIABLE);
        OpenBlasCoreType.choose(userValue, cpuinfo).ifPresent(value -> environment.put(OpenBlasCoreType.VARIABLE, value));
        if (!parentEnvironment.containsKey(THREAD_TIMEOUT)) {
            environment.put(THREAD_TIMEOUT, SHORT_THREAD_TIMEOUT);
        }
        environment.putAll(userVariables);
        return Map.copyOf(environment);
    }

    /** Whether Maven's own environment sets the OpenBLAS kernel (what training in Maven's JVM gets). */
    boolean mavenSetsCoreType() {
        return parentEnvironment.containsKey(OpenBlasCoreType.VARIABLE);
    }

    Consumer<String> stdout() {
        return stdout;
    }

    Consumer<String> stderr() {
        return stderr;
    }

    /** {@code stderr} without the JVM's line about the incubating module, which it prints on every start. */
    static Consumer<String> withoutIncubatorWarning(Consumer<String> stderr) {
        return line -> {
            if (!line.equals(INCUBATOR_WARNING)) {
                stderr.accept(line);
            }
        };
    }

    static String javaExecutable() {
        return new File(new File(System.getProperty("java.home"), "bin"), "java").getAbsolutePath();
    }
}
