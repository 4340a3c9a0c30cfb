package org.binaryconnect.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated training classes for four specs (a float MLP, a stochastic BinaryConnect MLP, the seed CNN and a
 * CNN with batch norm over channels, dropout and a full-precision first layer) equal the
 * reviewed sources under expected/, compile against the runtime, and are byte-for-byte deterministic.
 * {@code -Dgolden.update=true} rewrites expected/ instead ({@link Goldens}).
 */
class GoldenSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn"})
    void generatedSourceEqualsExpected(String spec) {
        Compilation compilation = compile("good/" + spec + ".java");
        assertThat(compilation).succeededWithoutWarnings();
        Goldens.check(compilation, spec + "Network");
    }

    @Test
    void convolutionalNetworkGetsAnInferenceClassAndNoNote() {
        Compilation compilation = compile("good/SeedCnn.java");
        assertThat(compilation).succeededWithoutWarnings();
        org.junit.jupiter.api.Assertions.assertTrue(compilation.notes().isEmpty(), compilation.notes().toString());
        org.junit.jupiter.api.Assertions.assertTrue(compilation.generatedSourceFile("good.SeedCnnInference").isPresent());
    }

    @Test
    void sameInputGivesSameBytes() throws IOException {
        byte[] first = generatedBytes(compile("good/StochasticMlp.java"));
        byte[] second = generatedBytes(compile("good/StochasticMlp.java"));
        org.junit.jupiter.api.Assertions.assertTrue(Arrays.equals(first, second), "generated source differs between runs");
    }

    @Test
    void networkIndexListsEveryGeneratedClass() {
        Compilation compilation = compile("good/FloatMlp.java", "good/StochasticMlp.java");
        assertThat(compilation).succeeded();
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "", NetworkIndexWriter.RESOURCE)
                .contentsAsString(StandardCharsets.UTF_8)
                .isEqualTo("good.FloatMlpNetwork\ngood.StochasticMlpNetwork\n");
    }

    @Test
    void theProcessorRecordsWhichProcessorGeneratedTheClasses() {
        Compilation compilation = compile("good/FloatMlp.java");
        assertThat(compilation).succeeded();
        // run from a classes directory here, the processor has no jar to name; from its jar it records the jar's sum
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "", ProcessorIdentity.RESOURCE)
                .contentsAsString(StandardCharsets.UTF_8)
                .isEqualTo("version=unknown\nsha256=unknown\n");
    }

    static Compilation compile(String... resources) {
        return compile(Arrays.stream(resources).map(JavaFileObjects::forResource).toArray(JavaFileObject[]::new));
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new NetworkProcessor()).compile(sources);
    }

    private static byte[] generatedBytes(Compilation compilation) throws IOException {
        JavaFileObject file = compilation.generatedSourceFile("good.StochasticMlpNetwork").orElseThrow();
        return file.getCharContent(true).toString().getBytes(StandardCharsets.UTF_8);
    }
}
