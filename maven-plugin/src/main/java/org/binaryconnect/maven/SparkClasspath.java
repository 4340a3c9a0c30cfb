package org.binaryconnect.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;

/**
 * Resolves binaryconnect-spark of this plugin's version and the Spark it is built against (its provided
 * dependency), with their dependencies managed as binaryconnect-spark's pom manages them (Jackson aligned), from
 * the project's repositories. Only a run on Spark asks for them.
 */
final class SparkClasspath {

    private static final String SPARK_GROUP = "org.apache.spark";

    private SparkClasspath() {
    }

    static List<ClasspathEntry> resolve(RepositorySystem system, RepositorySystemSession session,
            List<RemoteRepository> repositories, String pluginGroupId, String pluginVersion)
            throws MojoExecutionException {
        Artifact module = new DefaultArtifact(pluginGroupId, "binaryconnect-spark", "jar", pluginVersion);
        try {
            ArtifactDescriptorResult descriptor = system.readArtifactDescriptor(session,
                    new ArtifactDescriptorRequest(module, repositories, null));
            CollectRequest collect = new CollectRequest();
            collect.setRepositories(repositories);
            collect.addDependency(new Dependency(module, JavaScopes.COMPILE));
            for (Dependency dependency : descriptor.getDependencies()) {
                if (dependency.getArtifact().getGroupId().equals(SPARK_GROUP)) {
                    // provided there: a cluster brings it, and this JVM is the cluster's driver
                    collect.addDependency(dependency.setScope(JavaScopes.COMPILE));
                }
            }
            collect.setManagedDependencies(descriptor.getManagedDependencies());
            List<ClasspathEntry> entries = new ArrayList<>();
            for (ArtifactResult result : system.resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults()) {
                Artifact artifact = result.getArtifact();
                entries.add(ClasspathEntry.of(artifact.getGroupId(), artifact.getArtifactId(),
                        artifact.getClassifier().isEmpty() ? null : artifact.getClassifier(), artifact.getFile()));
            }
            return entries;
        } catch (ArtifactDescriptorException | DependencyResolutionException e) {
            throw new MojoExecutionException("Cannot resolve Spark for binaryconnect.spark.master (" + e.getMessage()
                    + "): check the network or the repositories, or run once online (without -o).", e);
        }
    }
}
