package org.binaryconnect.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The training JVM's classpath: the project's compiled classes (the generated network), the project's compile
 * classpath, and the plugin's own artifacts (the runtime, ND4J and its natives).
 *
 * <p>A library on both sides is taken from the plugin: the plugin launches {@code TrainMain} of its own runtime
 * version, and mixing two versions of one library on a classpath fails in ways that are hard to read.
 */
final class ForkClasspath {

    private ForkClasspath() {
    }

    static List<File> assemble(File classesDirectory, List<ClasspathEntry> projectDependencies,
            List<ClasspathEntry> pluginArtifacts) {
        Set<String> pluginKeys = pluginArtifacts.stream().map(ClasspathEntry::key).collect(Collectors.toSet());
        Set<File> files = new LinkedHashSet<>();
        files.add(classesDirectory);
        for (ClasspathEntry dependency : projectDependencies) {
            if (!pluginKeys.contains(dependency.key())) {
                files.add(dependency.file());
            }
        }
        Set<String> seen = new HashSet<>();
        for (ClasspathEntry artifact : pluginArtifacts) {
            if (seen.add(artifact.key())) {
                files.add(artifact.file());
            }
        }
        return List.copyOf(new ArrayList<>(files));
    }

    static String asArgument(List<File> classpath) {
        return classpath.stream().map(File::getAbsolutePath).collect(Collectors.joining(File.pathSeparator));
    }
}
