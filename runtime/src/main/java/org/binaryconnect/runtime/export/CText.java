package org.binaryconnect.runtime.export;

import java.util.List;

/**
 * C text built line by line, no line longer than {@link #WIDTH} characters: comments are wrapped at spaces, long
 * statements at their commas, and array initializers hold as many values a line as fit. A statement without a comma
 * stays whole: the longest, {@code int <spec>_predict(const float *features)}, fits for spec names of up to 80
 * characters.
 */
final class CText {

    /** The longest line the C export writes. */
    static final int WIDTH = 120;

    private static final String INDENT = "    ";
    private static final String CONTINUATION = "        ";

    private final StringBuilder text = new StringBuilder(1 << 16);

    /** One line of code; longer than {@link #WIDTH}, it is broken after commas, continued 8 columns further in. */
    CText line(String line) {
        String rest = line;
        String indent = rest.substring(0, rest.length() - rest.stripLeading().length()) + CONTINUATION;
        while (rest.length() > WIDTH) {
            int comma = rest.lastIndexOf(", ", WIDTH - 1);
            if (comma <= indent.length()) {
                break;
            }
            text.append(rest, 0, comma + 1).append('\n');
            rest = indent + rest.substring(comma + 2);
        }
        text.append(rest).append('\n');
        return this;
    }

    /**
     * A block comment at {@code indent}, its words wrapped, the continuation lines aligned under the text; a word
     * longer than a line (a very long qualified name) is cut where the line ends.
     */
    CText comment(String indent, String words) {
        String continuation = indent + "  ";
        StringBuilder current = new StringBuilder(indent).append("/*");
        for (String word : words.split(" ")) {
            String rest = word;
            while (current.length() + 1 + rest.length() > WIDTH) {
                boolean fitsOnANewLine = continuation.length() + 1 + rest.length() <= WIDTH;
                int room = current.length() > continuation.length() && fitsOnANewLine ? 0
                        : WIDTH - current.length() - 1;
                if (room > 0) {
                    current.append(' ').append(rest, 0, room);
                    rest = rest.substring(room);
                }
                text.append(current).append('\n');
                current = new StringBuilder(continuation);
            }
            current.append(' ').append(rest);
        }
        if (current.length() + 3 > WIDTH) {
            text.append(current).append('\n');
            current = new StringBuilder(continuation);
        }
        text.append(current).append(" */\n");
        return this;
    }

    /** {@code opening}, the values separated by commas, as many a line as fit, then {@code closing}. */
    CText values(String opening, List<String> values, String closing) {
        line(opening);
        StringBuilder current = new StringBuilder(INDENT);
        for (int k = 0; k < values.size(); k++) {
            String value = values.get(k) + (k + 1 < values.size() ? "," : "");
            if (current.length() > INDENT.length() && current.length() + 1 + value.length() > WIDTH) {
                text.append(current).append('\n');
                current = new StringBuilder(INDENT);
            }
            current.append(current.length() > INDENT.length() ? " " : "").append(value);
        }
        if (current.length() > INDENT.length()) {
            text.append(current).append('\n');
        }
        return line(closing);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
