package org.binaryconnect.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reviewed generated sources under {@code src/test/resources/expected/}. With {@code -Dgolden.update=true} the
 * tests write what the processor generates there instead of comparing (then review the diff and commit it):
 * {@code mvn -o verify -pl processor -am -Dtest='GoldenSourceTest,InferenceSourceTest' -Dgolden.update=true}.
 */
final class Goldens {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "expected");

    private Goldens() {
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** Checks {@code good.<simpleName>} against {@code expected/<simpleName>.java}, or writes it there. */
    static void check(Compilation compilation, String simpleName) {
        if (updating()) {
            try {
                String source = compilation.generatedSourceFile("good." + simpleName).orElseThrow()
                        .getCharContent(true).toString();
                Files.writeString(DIRECTORY.resolve(simpleName + ".java"), source, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(compilation)
                .generatedSourceFile("good." + simpleName)
                .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/" + simpleName + ".java"));
    }
}
