package org.binaryconnect.maven;

import java.io.File;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where the compile of a project gets the BinaryConnect processor from: the {@code annotationProcessorPaths} of
 * its maven-compiler-plugin (the setup the README shows), otherwise its compile classpath.
 */
final class ProcessorArtifact {

    static final String GROUP_ID = "org.binaryconnect";
    static final String ARTIFACT_ID = "binaryconnect-processor";
    private static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

    /** Coordinates on the processor path; {@code classifier} may be empty. */
    record Coordinates(String groupId, String artifactId, String classifier, String version) {
    }

    private ProcessorArtifact() {
    }

    /** The processor on the compiler's {@code annotationProcessorPaths} (version from dependency management if need be). */
    static Optional<Coordinates> onProcessorPath(MavenProject project) {
        Plugin compiler = project.getBuild() == null ? null : project.getBuild().getPluginsAsMap().get(COMPILER_PLUGIN);
        if (compiler == null) {
            return Optional.empty();
        }
        Xpp3Dom configuration = (Xpp3Dom) compiler.getConfiguration();
        PluginExecution compile = compiler.getExecutionsAsMap().get("default-compile");
        if (compile != null && compile.getConfiguration() != null) {
            configuration = Xpp3Dom.mergeXpp3Dom(new Xpp3Dom((Xpp3Dom) compile.getConfiguration()), configuration);
        }
        Xpp3Dom paths = configuration == null ? null : configuration.getChild("annotationProcessorPaths");
        if (paths == null) {
            return Optional.empty();
        }
        for (Xpp3Dom path : paths.getChildren()) {
            if (GROUP_ID.equals(text(path, "groupId")) && ARTIFACT_ID.equals(text(path, "artifactId"))) {
                String version = text(path, "version");
                if (version == null) {
                    version = managedVersion(project);
                }
                if (version != null) {
                    String classifier = text(path, "classifier");
                    return Optional.of(new Coordinates(GROUP_ID, ARTIFACT_ID, classifier == null ? "" : classifier,
                            version));
                }
            }
        }
        return Optional.empty();
    }

    /** The processor jar on the project's compile classpath (resolved), where javac also finds processors. */
    static Optional<File> onClasspath(MavenProject project) {
        return project.getArtifacts().stream()
                .filter(a -> GROUP_ID.equals(a.getGroupId()) && ARTIFACT_ID.equals(a.getArtifactId()))
                .map(Artifact::getFile)
                .filter(file -> file != null && file.isFile())
                .findFirst();
    }

    private static String managedVersion(MavenProject project) {
        if (project.getDependencyManagement() == null) {
            return null;
        }
        return project.getDependencyManagement().getDependencies().stream()
                .filter(d -> GROUP_ID.equals(d.getGroupId()) && ARTIFACT_ID.equals(d.getArtifactId()))
                .map(Dependency::getVersion)
                .findFirst().orElse(null);
    }

    private static String text(Xpp3Dom parent, String name) {
        Xpp3Dom child = parent.getChild(name);
        return child == null || child.getValue() == null || child.getValue().isBlank() ? null : child.getValue().trim();
    }
}
