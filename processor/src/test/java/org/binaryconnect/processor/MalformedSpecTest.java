package org.binaryconnect.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** A spec that does not compile gets javac's own errors and the processor's diagnostics, never a processor crash. */
class MalformedSpecTest {

    @Test
    void unresolvedConstantInAnnotationIsReportedNotCrashedOn() {
        Compilation compilation = GoldenSourceTest.compile("bad/UnresolvedConstant.java");
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol")
                .inFile(JavaFileObjects.forResource("bad/UnresolvedConstant.java"))
                .onLineContaining("NUMBER_OF_CLASSES");
        assertNoCrash(compilation);
    }

    @Test
    void unresolvedLayerTypeIsReportedNotCrashedOn() {
        Compilation compilation = GoldenSourceTest.compile(JavaFileObjects.forSourceLines("bad.UnknownType",
                "package bad;",
                "import org.binaryconnect.dsl.Dense;",
                "import org.binaryconnect.dsl.Network;",
                "@Network(input = {784}, classes = 10)",
                "public class UnknownType {",
                "    @Dense(units = 10) Missing output;",
                "}"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("cannot find symbol");
        assertNoCrash(compilation);
    }

    @Test
    void annotationsOnTheWrongTargetsAreReportedNotCrashedOn() {
        Compilation compilation = GoldenSourceTest.compile(JavaFileObjects.forSourceLines("bad.WrongTargets",
                "package bad;",
                "import org.binaryconnect.dsl.Conv2D;",
                "import org.binaryconnect.dsl.Dense;",
                "import org.binaryconnect.dsl.Layer;",
                "import org.binaryconnect.dsl.Network;",
                "@Network(input = {784}, classes = 10)",
                "@Dense(units = 3)",
                "public class WrongTargets {",
                "    @Dense(units = 10) Layer output() { return null; }",
                "    @Network(input = {1}, classes = 2) @Conv2D(filters = 4, kernel = 3) Layer inner;",
                "}"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("not applicable");
        assertNoCrash(compilation);
    }

    @Test
    void halfWrittenSpecsAreReportedNotCrashedOn() {
        String[][] specs = {
            {"package bad;", "import org.binaryconnect.dsl.*;", "@Network(input = {784}, classes = 10)",
                "public class Half1 {", "    @Dense(units = ) Layer output;", "}"},
            {"package bad;", "import org.binaryconnect.dsl.*;", "@Network(input = {784}, classes = 10)",
                "public class Half2 {", "    @Dense(units = 10) Layer output"},
            {"package bad;", "import org.binaryconnect.dsl.*;", "@Network(input = {784}, classes = 10",
                "public class Half3 {", "    @Dense(units = 10) @BatchNorm(alpha = \"x\") Layer output;", "}"},
            {"package bad;", "import org.binaryconnect.dsl.*;", "@Network(input = {28, 28, 1}, classes = 10)",
                "public class Half4 {", "    @Conv2D(filters = 8, kernel = 3, padding = Padding.SIDEWAYS) Layer conv;",
                "    @Dense(units = 10) Lyer output;", "}"},
            {"package bad;", "import org.binaryconnect.dsl.*;", "@Network(input = {784}, classes = 10)",
                "@Training(batchSize = 1 / 0)", "public class Half5 {", "    @Dense(units = 10) Layer output;", "}"},
        };
        for (int i = 0; i < specs.length; i++) {
            Compilation compilation = GoldenSourceTest.compile(JavaFileObjects.forSourceLines("bad.Half" + (i + 1),
                    specs[i]));
            assertThat(compilation).failed();
            assertNoCrash(compilation);
        }
    }

    private static void assertNoCrash(Compilation compilation) {
        for (Diagnostic<?> error : compilation.errors()) {
            assertFalse(error.getMessage(null).contains("failed unexpectedly"), error.getMessage(null));
        }
    }
}
