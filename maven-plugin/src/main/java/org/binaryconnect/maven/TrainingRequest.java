package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one {@code binaryconnect:train} run needs, resolved from the Maven project and the plugin's
 * parameters; no Maven types, so the launcher can be tested without Maven.
 *
 * @param workingDirectory the project's base directory: the training JVM runs there
 * @param classesDirectory the project's compiled classes, with the generated networks and their list
 * @param projectDependencies the project's compile classpath, the classes directory aside
 * @param pluginArtifacts the plugin's own dependencies: the runtime, ND4J and its natives
 * @param network the {@code network} parameter, or {@code null} to take the project's only network
 * @param data the dataset: a name or a path, its format and preprocessing
 * @param outputDirectory the parent of the per-network output folders
 * @param overrides replacements of the network's {@code @Training} values
 * @param jvmArgs options of the training JVM, e.g. {@code -Xmx4g}
 * @param options resume, force and progress display
 * @param spark training on Apache Spark; null trains in one JVM
 */
record TrainingRequest(File workingDirectory, File classesDirectory, List<ClasspathEntry> projectDependencies,
        List<ClasspathEntry> pluginArtifacts, String network, DatasetSettings data, File outputDirectory,
        ScheduleOverrides overrides, List<String> jvmArgs, RunOptions options, SparkSettings spark) {

    /** A run in one JVM. */
    TrainingRequest(File workingDirectory, File classesDirectory, List<ClasspathEntry> projectDependencies,
            List<ClasspathEntry> pluginArtifacts, String network, DatasetSettings data, File outputDirectory,
            ScheduleOverrides overrides, List<String> jvmArgs, RunOptions options) {
        this(workingDirectory, classesDirectory, projectDependencies, pluginArtifacts, network, data,
                outputDirectory, overrides, jvmArgs, options, null);
    }

    /**
     * @param resume continue from the checkpoint of an interrupted run of the same inputs
     * @param force train even when the last completed run had the same inputs
     * @param progress a progress bar redrawn in place, for an interactive terminal
     * @param fork train in a forked JVM (the default) rather than in Maven's
     * @param environment variables added to the forked JVM's environment (over those the plugin chooses)
     */
    record RunOptions(boolean resume, boolean force, boolean progress, boolean fork, Map<String, String> environment) {

        static final RunOptions DEFAULT = new RunOptions(true, false, false);

        RunOptions {
            environment = Map.copyOf(environment);
        }

        /** Forked, with the plugin's environment. */
        RunOptions(boolean resume, boolean force, boolean progress) {
            this(resume, force, progress, true, Map.of());
        }
    }

    TrainingRequest(File workingDirectory, File classesDirectory, List<ClasspathEntry> projectDependencies,
            List<ClasspathEntry> pluginArtifacts, String network, File data, File outputDirectory,
            ScheduleOverrides overrides, List<String> jvmArgs) {
        this(workingDirectory, classesDirectory, projectDependencies, pluginArtifacts, network,
                DatasetSettings.of(data), outputDirectory, overrides, jvmArgs, RunOptions.DEFAULT);
    }

    TrainingRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        projectDependencies = List.copyOf(projectDependencies);
        pluginArtifacts = List.copyOf(pluginArtifacts);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(overrides, "overrides");
        jvmArgs = List.copyOf(jvmArgs);
        Objects.requireNonNull(options, "options");
    }

    /** A path the user gave relative to the project, resolved against it rather than Maven's own directory. */
    static File resolve(File basedir, File file) {
        return file.isAbsolute() ? file : new File(basedir, file.getPath());
    }

    /** Splits a {@code jvmArgs} parameter on whitespace. */
    static List<String> splitJvmArgs(String jvmArgs) {
        if (jvmArgs == null || jvmArgs.isBlank()) {
            return List.of();
        }
        return List.of(jvmArgs.trim().split("\\s+"));
    }
}
