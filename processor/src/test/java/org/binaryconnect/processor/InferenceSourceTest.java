package org.binaryconnect.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.binaryconnect.inference.PackedModelReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated inference classes for four specs (a float MLP, a stochastic BinaryConnect MLP, the seed CNN and a
 * CNN with a full-precision conv and batch norm) equal the
 * reviewed sources under expected/ ({@code -Dgolden.update=true} rewrites them: {@link Goldens}), are
 * deterministic, and compile with nothing but the JDK and binaryconnect-inference.
 */
class InferenceSourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn"})
    void generatedSourceEqualsExpected(String spec) {
        Compilation compilation = GoldenSourceTest.compile("good/" + spec + ".java");
        assertThat(compilation).succeededWithoutWarnings();
        Goldens.check(compilation, spec + "Inference");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn"})
    void sameInputGivesSameSource(String spec) throws IOException {
        assertEquals(inferenceSource(spec), inferenceSource(spec), "generated source differs between runs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FloatMlp", "StochasticMlp", "SeedCnn", "BatchNormCnn"})
    void compilesAloneWithOnlyTheJdkAndTheInferenceLibrary(String spec) throws Exception {
        JavaFileObject alone = JavaFileObjects.forSourceString("good." + spec + "Inference", inferenceSource(spec));
        File library = new File(PackedModelReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Compilation compilation = javac()
                .withClasspath(List.of(library))
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
