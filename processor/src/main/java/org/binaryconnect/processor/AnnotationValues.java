package org.binaryconnect.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * One annotation on one element, read through its mirror so that every value can be reported on exactly:
 * javac then points an error at the value in the source, not just at the class.
 */
final class AnnotationValues {

    private final Element element;
    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;

    private AnnotationValues(Element element, AnnotationMirror mirror, Elements elements) {
        this.element = element;
        this.mirror = mirror;
        this.values = elements.getElementValuesWithDefaults(mirror);
    }

    /** The annotation of type {@code annotationType} on {@code element}, if present. */
    static Optional<AnnotationValues> find(Element element, String annotationType, Elements elements) {
        for (AnnotationMirror candidate : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) candidate.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotationType)) {
                return Optional.of(new AnnotationValues(element, candidate, elements));
            }
        }
        return Optional.empty();
    }

    Element element() {
        return element;
    }

    AnnotationMirror mirror() {
        return mirror;
    }

    /** The value of {@code name}, explicit or default. */
    AnnotationValue value(String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("no element " + name + " in " + mirror);
    }

    int intValue(String name) {
        return ((Number) value(name).getValue()).intValue();
    }

    long longValue(String name) {
        return ((Number) value(name).getValue()).longValue();
    }

    double doubleValue(String name) {
        return ((Number) value(name).getValue()).doubleValue();
    }

    boolean booleanValue(String name) {
        return (Boolean) value(name).getValue();
    }

    String stringValue(String name) {
        return (String) value(name).getValue();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        VariableElement constant = (VariableElement) value(name).getValue();
        return Enum.valueOf(type, constant.getSimpleName().toString());
    }

    int[] intArrayValue(String name) {
        @SuppressWarnings("unchecked")
        List<? extends AnnotationValue> list = (List<? extends AnnotationValue>) value(name).getValue();
        return list.stream().mapToInt(v -> ((Number) v.getValue()).intValue()).toArray();
    }
}
