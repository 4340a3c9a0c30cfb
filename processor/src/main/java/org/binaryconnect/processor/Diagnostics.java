package org.binaryconnect.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Errors found in one {@code @Network} declaration, collected so that a user sees all of them in one build,
 * each pointing at the offending element, annotation and value.
 */
final class Diagnostics {

    private record Error(String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    }

    private final List<Error> errors = new ArrayList<>();

    /** An error on one value of an annotation. */
    void error(AnnotationValues annotation, String valueName, String message) {
        errors.add(new Error(message, annotation.element(), annotation.mirror(), annotation.value(valueName)));
    }

    /** An error on a whole annotation. */
    void error(AnnotationValues annotation, String message) {
        errors.add(new Error(message, annotation.element(), annotation.mirror(), null));
    }

    /** An error on an element. */
    void error(Element element, String message) {
        errors.add(new Error(message, element, null, null));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void printTo(Messager messager) {
        for (Error e : errors) {
            messager.printMessage(Diagnostic.Kind.ERROR, e.message(), e.element(), e.mirror(), e.value());
        }
    }
}
