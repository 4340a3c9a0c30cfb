package org.binaryconnect.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated inference classes for four specs (a float MLP, a stochastic BinaryConnect MLP, the seed CNN and a
 * CNN with a full-precision conv and batch norm) equal the
 * reviewed sources under expected/, are deterministic, and compile with nothing but the JDK.
 */
class InferenceSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn"})
    void generatedSourceEqualsExpected(String spec) {
        Compilation compilation = GoldenSourceTest.compile("good/" + spec + ".java");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("good." + spec + "Inference")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/" + spec + "Inference.java"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn"})
    void sameInputGivesSameSource(String spec) throws IOException {
        assertEquals(inferenceSource(spec), inferenceSource(spec), "generated source differs between runs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn"})
    void compilesAloneWithOnlyTheJdk(String spec) throws IOException {
        JavaFileObject alone = JavaFileObjects.forSourceString("good." + spec + "Inference", inferenceSource(spec));
        Compilation compilation = javac()
                .withClasspath(List.of())
                .withOptions("-Xlint:all", "-Werror")
                .compile(alone);
        assertThat(compilation).succeededWithoutWarnings();
    }

    private static String inferenceSource(String spec) throws IOException {
        Compilation compilation = GoldenSourceTest.compile("good/" + spec + ".java");
        return compilation.generatedSourceFile("good." + spec + "Inference").orElseThrow().getCharContent(true)
                .toString();
    }
}
