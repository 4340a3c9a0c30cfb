package org.binaryconnect.maven;

import java.io.File;
import java.util.Objects;

/**
 * One jar (or folder) of a classpath and the coordinates that identify it across versions,
 * {@code groupId:artifactId:classifier}, so two copies of the same library can be told apart from two libraries.
 */
record ClasspathEntry(String key, File file) {

    ClasspathEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(file, "file");
    }

    static ClasspathEntry of(String groupId, String artifactId, String classifier, File file) {
        return new ClasspathEntry(groupId + ":" + artifactId + ":" + (classifier == null ? "" : classifier), file);
    }
}
