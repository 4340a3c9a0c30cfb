package org.binaryconnect.maven;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/** Maven's artifacts as the {@link ClasspathEntry}s a forked JVM's classpath is assembled from. */
final class MavenClasspath {

    private MavenClasspath() {
    }

    /** The plugin's dependencies (the runtime and ND4J), the plugin's own jar aside. */
    static List<ClasspathEntry> pluginArtifacts(PluginDescriptor plugin) {
        return entries(plugin.getArtifacts().stream()
                .filter(a -> !(Objects.equals(a.getGroupId(), plugin.getGroupId())
                        && Objects.equals(a.getArtifactId(), plugin.getArtifactId())))
                .toList());
    }

    static List<ClasspathEntry> entries(Collection<Artifact> artifacts) {
        return artifacts.stream()
                .filter(a -> a.getFile() != null && a.getArtifactHandler().isAddedToClasspath())
                .map(a -> ClasspathEntry.of(a.getGroupId(), a.getArtifactId(), a.getClassifier(), a.getFile()))
                .toList();
    }
}
