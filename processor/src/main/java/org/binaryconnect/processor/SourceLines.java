package org.binaryconnect.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps generated lines short: every generated source line is at most {@link #MAX_LINE} characters. JavaPoet wraps
 * code only at {@code $W}; comments and javadoc text are wrapped here, at spaces.
 */
final class SourceLines {

    /** The longest line a generated source may have (GeneratedLineLengthTest checks it). */
    static final int MAX_LINE = 120;

    /** Room for text in a comment of a method body: 8 spaces of indentation and {@code "// "}. */
    static final int COMMENT_WIDTH = MAX_LINE - 8 - 3 - 5;

    /** Room for text in a member's javadoc: 4 spaces of indentation and {@code " * "}. */
    static final int JAVADOC_WIDTH = MAX_LINE - 4 - 3 - 5;

    /** The longest piece of a string literal {@link #literal} writes on one line. */
    static final int LITERAL_PIECE = 70;

    private SourceLines() {
    }

    /** {@code text} cut at spaces into lines of at most {@code width} characters (a longer word stays whole). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@code text} as a comment of a method body, one {@code //} line per wrapped line. */
    static void addComment(CodeBlock.Builder code, String text) {
        for (String line : wrap(text, COMMENT_WIDTH)) {
            code.add("// $L\n", line);
        }
    }

    /** {@code text} as a comment of a method body, one {@code //} line per wrapped line. */
    static void addComment(MethodSpec.Builder method, String text) {
        for (String line : wrap(text, COMMENT_WIDTH)) {
            method.addComment("$L", line);
        }
    }

    /**
     * {@code text} as a string literal that may wrap: pieces of at most {@link #LITERAL_PIECE} characters cut after
     * spaces, joined by {@code +} where JavaPoet may break the line. The compiler folds them back into one constant.
     */
    static CodeBlock literal(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (text.length() - start > LITERAL_PIECE) {
            int cut = text.lastIndexOf(' ', start + LITERAL_PIECE);
            cut = cut <= start ? start + LITERAL_PIECE : cut + 1;
            pieces.add(text.substring(start, cut));
            start = cut;
        }
        pieces.add(text.substring(start));
        CodeBlock.Builder code = CodeBlock.builder();
        for (int i = 0; i < pieces.size(); i++) {
            code.add(i == 0 ? "$S" : "$W+ $S", pieces.get(i));
        }
        return code.build();
    }

    /** {@code text} wrapped for javadoc: its lines joined with newlines, which JavaPoet prefixes with " * ". */
    static String javadoc(String text, int width) {
        return String.join("\n", wrap(text, width));
    }
}
