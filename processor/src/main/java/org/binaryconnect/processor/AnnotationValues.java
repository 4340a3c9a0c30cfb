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
        return typed(name, value(name).getValue(), Number.class).intValue();
    }

    long longValue(String name) {
        return typed(name, value(name).getValue(), Number.class).longValue();
    }

    double doubleValue(String name) {
        return typed(name, value(name).getValue(), Number.class).doubleValue();
    }

    boolean booleanValue(String name) {
        return typed(name, value(name).getValue(), Boolean.class);
    }

    String stringValue(String name) {
        return typed(name, value(name).getValue(), String.class);
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        VariableElement constant = typed(name, value(name).getValue(), VariableElement.class);
        return Enum.valueOf(type, constant.getSimpleName().toString());
    }

    int[] intArrayValue(String name) {
        List<?> list = typed(name, value(name).getValue(), List.class);
        return list.stream()
                .mapToInt(v -> typed(name, ((AnnotationValue) v).getValue(), Number.class).intValue())
                .toArray();
    }

    /**
     * {@code value} as {@code type}; a value that does not compile (an unresolved constant, say) reaches a
     * processor as something else, which {@link UnreadableValueException} reports instead of a crash.
     */
    private <T> T typed(String name, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new UnreadableValueException(this, name);
        }
        return type.cast(value);
    }

    /** A value of this annotation that javac could not evaluate; javac reports the cause itself. */
    static final class UnreadableValueException extends RuntimeException {
        private final transient AnnotationValues annotation;
        private final String valueName;

        UnreadableValueException(AnnotationValues annotation, String valueName) {
            super(valueName, null, false, false);
            this.annotation = annotation;
            this.valueName = valueName;
        }

        void report(Diagnostics diagnostics) {
            diagnostics.error(annotation, valueName, valueName + " has no constant value the processor can read: fix"
                    + " the compile error javac reports for it");
        }
    }
}
