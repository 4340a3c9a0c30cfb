package org.binaryconnect.maven;

import java.io.File;
import java.util.List;
import java.util.Objects;

/**
 * Everything one {@code binaryconnect:export} run needs, resolved from the Maven project and the plugin's
 * parameters; no Maven types, so the launcher can be tested without Maven.
 *
 * @param workingDirectory the project's base directory: the export JVM runs there
 * @param classesDirectory the project's compiled classes: the generated networks, their list, and where the packed
 *     resource goes so that {@code mvn package} ships it
 * @param projectDependencies the project's compile classpath, the classes directory aside
 * @param pluginArtifacts the plugin's own dependencies: the runtime, ND4J and its natives
 * @param network the {@code network} parameter, or {@code null} to take the project's only network
 * @param data the dataset, as for training: its test part checks the packed model (when it is at hand; an export
 *     never downloads it)
 * @param outputDirectory where {@code binaryconnect:train} wrote: the parent of the per-network folders
 * @param projectVersion the project's version, for the model card; null when unknown
 * @param jvmArgs options of the export JVM, e.g. {@code -Xmx1g}
 */
record ExportRequest(File workingDirectory, File classesDirectory, List<ClasspathEntry> projectDependencies,
        List<ClasspathEntry> pluginArtifacts, String network, DatasetSettings data, File outputDirectory,
        String projectVersion, List<String> jvmArgs) {

    ExportRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        projectDependencies = List.copyOf(projectDependencies);
        pluginArtifacts = List.copyOf(pluginArtifacts);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        jvmArgs = List.copyOf(jvmArgs);
    }
}
