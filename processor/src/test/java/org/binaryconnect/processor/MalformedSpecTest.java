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

    private static void assertNoCrash(Compilation compilation) {
        for (Diagnostic<?> error : compilation.errors()) {
            assertFalse(error.getMessage(null).contains("failed unexpectedly"), error.getMessage(null));
        }
    }
}
