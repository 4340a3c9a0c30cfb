package org.binaryconnect.maven;

import java.util.Objects;

/** A class the annotation processor generated for one {@code @Network} spec, e.g. {@code com.example.FashionMlpNetwork}. */
record DeclaredNetwork(String generatedClass) {

    private static final String SUFFIX = "Network";

    DeclaredNetwork {
        Objects.requireNonNull(generatedClass, "generatedClass");
    }

    /** The spec's simple name, e.g. {@code FashionMlp}: what users type and the name of the output folder. */
    String name() {
        String simpleName = generatedClass.substring(generatedClass.lastIndexOf('.') + 1);
        return simpleName.endsWith(SUFFIX) && simpleName.length() > SUFFIX.length()
                ? simpleName.substring(0, simpleName.length() - SUFFIX.length())
                : simpleName;
    }

    /** The spec class's fully qualified name, e.g. {@code com.example.FashionMlp}. */
    String specClass() {
        int dot = generatedClass.lastIndexOf('.');
        return dot < 0 ? name() : generatedClass.substring(0, dot + 1) + name();
    }

    /** Whether a user's {@code -Dbinaryconnect.network} value names this network. */
    boolean isNamed(String requested) {
        String simpleGenerated = generatedClass.substring(generatedClass.lastIndexOf('.') + 1);
        return requested.equals(name()) || requested.equals(specClass()) || requested.equals(generatedClass)
                || requested.equals(simpleGenerated);
    }
}
