package org.binaryconnect.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every generated source line is at most {@link SourceLines#MAX_LINE} characters: the goldens, every source the
 * processor generates for the good/ specs, and every source it generated for the test specs this build compiled.
 */
class GeneratedLineLengthTest {

    private static final List<String> SPECS = List.of("FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn");

    @Test
    void goldensHaveNoLongLines() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.list(Goldens.DIRECTORY)) {
            for (Path file : files.sorted().toList()) {
                longLines(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), long_);
            }
        }
        assertEquals(List.of(), long_.subList(0, Math.min(long_.size(), 10)), long_.size() + " long lines");
    }

    @Test
    void sourcesGeneratedForTheGoodSpecsHaveNoLongLines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (String spec : SPECS) {
            Compilation compilation = GoldenSourceTest.compile("good/" + spec + ".java");
            for (JavaFileObject source : compilation.generatedSourceFiles()) {
                longLines(source.getName(), source.getCharContent(true).toString(), long_);
            }
        }
        assertEquals(List.of(), long_.subList(0, Math.min(long_.size(), 10)), long_.size() + " long lines");
    }

    @Test
    void sourcesGeneratedForTheTestSpecsHaveNoLongLines() throws IOException {
        Path generated = Path.of("target", "generated-test-sources", "test-annotations");
        assertTrue(Files.isDirectory(generated), "no generated test sources under " + generated.toAbsolutePath());
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(generated)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
                try {
                    longLines(generated.relativize(file).toString(), Files.readString(file), long_);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertEquals(List.of(), long_.subList(0, Math.min(long_.size(), 10)), long_.size() + " long lines");
    }

    private static void longLines(String name, String source, List<String> long_) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > SourceLines.MAX_LINE) {
                long_.add(name + ":" + (i + 1) + " has " + lines[i].length() + " characters: " + lines[i].strip());
            }
        }
    }
}
