package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import java.util.Objects;

/**
 * Everything one {@code binaryconnect:evaluate} run needs, resolved from the Maven project and the plugin's
 * parameters; no Maven types, so the launcher can be tested without Maven.
 *
 * @param workingDirectory the project's base directory: the evaluation JVM runs there
 * @param classesDirectory the project's compiled classes, with the generated networks and their list
 * @param projectDependencies the project's compile classpath, the classes directory aside
 * @param pluginArtifacts the plugin's own dependencies: the runtime, ND4J and its natives
 * @param network the {@code network} parameter, or {@code null} to take the project's only network
 * @param data the dataset, as for training
 * @param outputDirectory where {@code binaryconnect:train} wrote: the parent of the per-network folders, which
 *     receive the report
 * @param part the {@code part} parameter: {@code test}, {@code validation} or {@code training}
 * @param weights the {@code weights} parameter, or {@code null} for the network's declared evaluation weights
 * @param validationSamples the {@code validationSamples} parameter, or {@code null} for the declared one
 * @param jvmArgs options of the evaluation JVM, e.g. {@code -Xmx2g}
 */
record EvaluateRequest(File workingDirectory, File classesDirectory, List<ClasspathEntry> projectDependencies,
        List<ClasspathEntry> pluginArtifacts, String network, DatasetSettings data, File outputDirectory, String part,
        String weights, Integer validationSamples, List<String> jvmArgs) {

    /** A request for the IDX directory {@code data}. */
    EvaluateRequest(File workingDirectory, File classesDirectory, List<ClasspathEntry> projectDependencies,
            List<ClasspathEntry> pluginArtifacts, String network, File data, File outputDirectory, String part,
            String weights, Integer validationSamples, List<String> jvmArgs) {
        this(workingDirectory, classesDirectory, projectDependencies, pluginArtifacts, network,
                DatasetSettings.of(data), outputDirectory, part, weights, validationSamples, jvmArgs);
    }

    EvaluateRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        projectDependencies = List.copyOf(projectDependencies);
        pluginArtifacts = List.copyOf(pluginArtifacts);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(part, "part");
        jvmArgs = List.copyOf(jvmArgs);
    }
}
