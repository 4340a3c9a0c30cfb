package org.binaryconnect.runtime.io;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The one JSON writer of the runtime ({@code metrics.json}, {@code evaluation.json}): streaming, indented two spaces
 * a level, with containers that can be kept on one line (a matrix row, a short record). The runtime takes no JSON
 * library for the few flat documents it writes (ND4J's is shaded for its own use). It places commas and indentation;
 * the caller keeps the nesting right. Non-finite numbers become {@code null}, as JSON has no NaN.
 */
public final class JsonWriter {

    /** An open object or array. */
    private static final class Container {
        final boolean inline;
        /** Whether it already holds an element, so the next one needs a comma. */
        boolean hasElements;

        Container(boolean inline) {
            this.inline = inline;
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Container> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        return begin('{', false);
    }

    /** An object on one line, its members separated by {@code ", "}; what it contains stays on that line too. */
    public JsonWriter beginInlineObject() {
        return begin('{', true);
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        return begin('[', false);
    }

    public JsonWriter endArray() {
        return end(']');
    }

    public JsonWriter name(String name) {
        beforeValue();
        out.append(quote(name)).append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        beforeValue();
        out.append(value == null ? "null" : quote(value));
        return this;
    }

    public JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    public JsonWriter value(double value) {
        beforeValue();
        out.append(Double.isFinite(value) ? String.valueOf(value) : "null");
        return this;
    }

    public JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** An array of numbers on one line, as a matrix row reads best. */
    public JsonWriter inlineArray(long... values) {
        beforeValue();
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(values[i]);
        }
        out.append(']');
        return this;
    }

    /** A member: {@code name(name).value(value)}. */
    public JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, double value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, boolean value) {
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

    private JsonWriter begin(char bracket, boolean inline) {
        beforeValue();
        out.append(bracket);
        open.push(new Container(inline || (!open.isEmpty() && open.peek().inline)));
        return this;
    }

    private JsonWriter end(char bracket) {
        Container closed = open.pop();
        if (closed.hasElements && !closed.inline) {
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
            Container container = open.peek();
            if (container.hasElements) {
                out.append(',');
            }
            if (container.inline) {
                out.append(container.hasElements ? " " : "");
            } else {
                newLine();
            }
            container.hasElements = true;
        }
    }

    private void newLine() {
        out.append('\n').append("  ".repeat(open.size()));
    }

    /**
     * {@code value} as a JSON string: quotes, backslashes and control characters escaped, and U+2028 and U+2029,
     * which are valid JSON but end lines in JavaScript, so that the document is safe in both.
     */
    public static String quote(String value) {
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
