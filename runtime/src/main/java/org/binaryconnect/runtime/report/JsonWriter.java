package org.binaryconnect.runtime.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small streaming JSON writer, indented two spaces a level: the runtime takes no JSON library for the few flat
 * documents it writes (ND4J's is shaded for its own use). It places commas and indentation; the caller keeps the
 * nesting right. Non-finite numbers become {@code null}, as JSON has no NaN.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it already holds an element, so the next one needs a comma. */
    private final Deque<Boolean> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        return begin('{');
    }

    JsonWriter endObject() {
        return end('}');
    }

    JsonWriter beginArray() {
        return begin('[');
    }

    JsonWriter endArray() {
        return end(']');
    }

    JsonWriter name(String name) {
        beforeValue();
        out.append(quote(name)).append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        out.append(value == null ? "null" : quote(value));
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter value(double value) {
        beforeValue();
        out.append(Double.isFinite(value) ? String.valueOf(value) : "null");
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** An array of numbers on one line, as a matrix row reads best. */
    JsonWriter inlineArray(long... values) {
        beforeValue();
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]);
        }
        out.append(']');
        return this;
    }

    /** A member: {@code name(name).value(value)}. */
    JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, double value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    /** The document, ending with a newline; every container must be closed. */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " JSON containers are still open");
        }
        return out + "\n";
    }

    private JsonWriter begin(char bracket) {
        beforeValue();
        out.append(bracket);
        open.push(false);
        return this;
    }

    private JsonWriter end(char bracket) {
        boolean hadElements = open.pop();
        if (hadElements) {
            newLine();
        }
        out.append(bracket);
        return this;
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!open.isEmpty()) {
            if (open.pop()) {
                out.append(',');
            }
            open.push(true);
            newLine();
        }
    }

    private void newLine() {
        out.append('\n').append("  ".repeat(open.size()));
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    // U+2028 and U+2029 are valid JSON but end lines in JavaScript: escaped, the file is safe in both.
                    if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
