package org.binaryconnect.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/binaryconnect/networks}: the generated training classes of this compilation, one fully
 * qualified name per line, sorted. The plugin reads it to find what to train without scanning classes. Next to it,
 * {@code processor.properties} says which processor generated them ({@link ProcessorIdentity}).
 */
final class NetworkIndexWriter {

    static final String RESOURCE = "META-INF/binaryconnect/networks";

    private final Filer filer;

    NetworkIndexWriter(Filer filer) {
        this.filer = filer;
    }

    void write(List<String> generatedClasses, List<Element> originatingElements) throws IOException {
        Element[] origins = originatingElements.toArray(new Element[0]);
        FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE, origins);
        try (Writer writer = resource.openWriter()) {
            for (String name : new TreeSet<>(generatedClasses)) {
                writer.write(name);
                writer.write('\n');
            }
        }
        FileObject identity = filer.createResource(StandardLocation.CLASS_OUTPUT, "", ProcessorIdentity.RESOURCE,
                origins);
        try (Writer writer = identity.openWriter()) {
            writer.write(ProcessorIdentity.current().asProperties());
        }
    }
}
