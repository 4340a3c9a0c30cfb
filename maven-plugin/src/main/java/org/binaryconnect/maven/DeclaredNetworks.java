package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The networks a project declares, as the annotation processor listed them in
 * {@code META-INF/binaryconnect/networks} of the compiled classes, and the choice of the one to train.
 */
final class DeclaredNetworks {

    static final String RESOURCE = "META-INF/binaryconnect/networks";

    private final List<DeclaredNetwork> networks;

    DeclaredNetworks(List<DeclaredNetwork> networks) {
        this.networks = List.copyOf(networks);
    }

    static DeclaredNetworks read(File classesDirectory) throws MojoExecutionException {
        Path list = classesDirectory.toPath().resolve(RESOURCE);
        if (!Files.isRegularFile(list)) {
            return new DeclaredNetworks(List.of());
        }
        try {
            Set<String> classes = new LinkedHashSet<>();
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    classes.add(trimmed);
                }
            }
            return new DeclaredNetworks(classes.stream().map(DeclaredNetwork::new).toList());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the list of networks " + list + ": " + e.getMessage()
                    + "; run mvn clean compile and try again.", e);
        }
    }

    List<DeclaredNetwork> all() {
        return networks;
    }

    /**
     * The network to train: the one named by {@code requested}, or the only one when nothing is requested.
     *
     * @param requested the {@code binaryconnect.network} parameter: the spec's simple or qualified name, or
     *     the generated class's; {@code null} or blank when not set
     */
    DeclaredNetwork select(String requested) throws MojoExecutionException {
        if (networks.isEmpty()) {
            throw new MojoExecutionException("There is nothing to train: no @Network class was compiled in this"
                    + " project; annotate a class with @Network and put binaryconnect-processor in the"
                    + " maven-compiler-plugin's annotationProcessorPaths.");
        }
        if (requested == null || requested.isBlank()) {
            if (networks.size() == 1) {
                return networks.get(0);
            }
            throw new MojoExecutionException("This project declares " + networks.size() + " networks ("
                    + names() + "): choose one with -Dbinaryconnect.network=<name> (parameter network).");
        }
        String wanted = requested.trim();
        List<DeclaredNetwork> matches = networks.stream().filter(n -> n.isNamed(wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new MojoExecutionException("Unknown network '" + wanted + "' (parameter network,"
                    + " -Dbinaryconnect.network): this project declares " + names() + ".");
        }
        throw new MojoExecutionException("The name '" + wanted + "' (parameter network) matches several networks ("
                + matches.stream().map(DeclaredNetwork::specClass).collect(Collectors.joining(", "))
                + "): set -Dbinaryconnect.network to the fully qualified name of one of them.");
    }

    private String names() {
        return networks.stream().map(DeclaredNetwork::name).collect(Collectors.joining(", "));
    }
}
