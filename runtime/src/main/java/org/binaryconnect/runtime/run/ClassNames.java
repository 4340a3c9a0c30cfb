package org.binaryconnect.runtime.run;

import java.util.List;
import java.util.Objects;

/**
 * The names of a dataset's classes, as reports show them: where a dataset has none (the list is empty), a class is
 * shown by its index, as it always was.
 */
public final class ClassNames {

    private ClassNames() {
    }

    /**
     * {@code names}, copied, when it is empty or names each of {@code classes} classes.
     *
     * @throws IllegalArgumentException when the count differs or a name is blank
     */
    public static List<String> checked(List<String> names, int classes) {
        List<String> copy = List.copyOf(Objects.requireNonNull(names, "classNames"));
        if (!copy.isEmpty() && copy.size() != classes) {
            throw new IllegalArgumentException("the data names " + copy.size() + " classes, the network has "
                    + classes + ": give one name a class, or none");
        }
        for (String name : copy) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a class name is blank: name every class, or none");
            }
        }
        return copy;
    }

    /** The name of class {@code c}, or its index where there are no names. */
    public static String label(List<String> names, int c) {
        return names.isEmpty() ? String.valueOf(c) : names.get(c);
    }
}
