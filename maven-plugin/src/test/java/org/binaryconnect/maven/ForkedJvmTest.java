package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedJvmTest {

    private static final String AVX2_CPUINFO = "processor\t: 0\nflags\t\t: sse avx avx2 fma\n";

    @TempDir
    Path project;

    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();

    @Test
    void runsTheJavaOfThisJdkWithTheVectorModuleJvmArgsClasspathMainClassAndArguments() {
        File classes = new File("/project/target/classes");

        List<String> command = ForkedJvm.command(List.of("-Xmx1g"), List.of(classes, new File("/repo/runtime.jar")),
                "org.example.Main", List.of("--network", "com.example.FashionMlpNetwork"));

        assertEquals(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector",
                "-Xmx1g",
                "-cp", classes.getAbsolutePath() + File.pathSeparator + new File("/repo/runtime.jar").getAbsolutePath(),
                "org.example.Main",
                "--network", "com.example.FashionMlpNetwork"), command);
    }

    @Test
    void setsTheOpenBlasKernelAndThreadTimeoutUnlessTheUserChoseThem() {
        assertEquals(Map.of("OPENBLAS_CORETYPE", "Haswell", "OPENBLAS_THREAD_TIMEOUT", "4"),
                jvm(Map.of()).environment(Map.of()));
        assertEquals(Map.of("OPENBLAS_CORETYPE", "Zen", "OPENBLAS_THREAD_TIMEOUT", "4"),
                jvm(Map.of("OPENBLAS_CORETYPE", "Zen")).environment(Map.of()));
        assertEquals(Map.of("OPENBLAS_CORETYPE", "Haswell"),
                jvm(Map.of("OPENBLAS_THREAD_TIMEOUT", "20")).environment(Map.of()), "the user's timeout is kept");
        assertEquals(Map.of("OPENBLAS_THREAD_TIMEOUT", "4"),
                new ForkedJvm(stdout::add, stderr::add, Map.of(), () -> "").environment(Map.of()));
        assertEquals(Map.of("OPENBLAS_CORETYPE", "Zen", "OPENBLAS_THREAD_TIMEOUT", "4", "OPENBLAS_NUM_THREADS", "1"),
                jvm(Map.of()).environment(Map.of("OPENBLAS_CORETYPE", "Zen", "OPENBLAS_NUM_THREADS", "1")),
                "the environmentVariables parameter comes last");
    }

    @Test
    void aJavaThatCannotStartIsAnExecutionErrorNamingTheJvm() {
        ForkedJvm.Fork fork = new ForkedJvm.Fork(ForkedJvm.Activity.EXPORT, "Tiny", "org.example.Main", List.of(),
                List.of(), List.of(), project.resolve("no-such-directory").toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> jvm(Map.of()).run(fork));

        assertTrue(e.getMessage().startsWith("Cannot start the export JVM "), e.getMessage());
    }

    private ForkedJvm jvm(Map<String, String> environment) {
        return new ForkedJvm(stdout::add, stderr::add, environment, () -> AVX2_CPUINFO);
    }
}
