package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkClasspathTest {

    private static final File CLASSES = new File("/project/target/classes");

    @Test
    void putsTheProjectClassesFirstThenItsDependenciesThenThePlugins() {
        List<File> classpath = ForkClasspath.assemble(CLASSES,
                List.of(entry("com.example:util:", "/repo/util-1.jar"),
                        entry("org.binaryconnect:binaryconnect-dsl:", "/repo/dsl-user.jar")),
                List.of(entry("org.binaryconnect:binaryconnect-runtime:", "/repo/runtime.jar"),
                        entry("org.nd4j:nd4j-native:", "/repo/nd4j-native.jar")));

        assertEquals(List.of(CLASSES, new File("/repo/util-1.jar"), new File("/repo/dsl-user.jar"),
                new File("/repo/runtime.jar"), new File("/repo/nd4j-native.jar")), classpath);
    }

    @Test
    void prefersThePluginsCopyOfALibraryBothSidesHave() {
        List<File> classpath = ForkClasspath.assemble(CLASSES,
                List.of(entry("org.binaryconnect:binaryconnect-runtime:", "/repo/runtime-0.0.9.jar")),
                List.of(entry("org.binaryconnect:binaryconnect-runtime:", "/repo/runtime-0.1.0.jar")));

        assertEquals(List.of(CLASSES, new File("/repo/runtime-0.1.0.jar")), classpath);
    }

    @Test
    void keepsEveryClassifierOfOneArtifact() {
        List<File> classpath = ForkClasspath.assemble(CLASSES, List.of(),
                List.of(ClasspathEntry.of("org.nd4j", "nd4j-native", null, new File("/repo/nd4j-native.jar")),
                        ClasspathEntry.of("org.nd4j", "nd4j-native", "linux-x86_64",
                                new File("/repo/nd4j-native-linux-x86_64.jar"))));

        assertEquals(List.of(CLASSES, new File("/repo/nd4j-native.jar"), new File("/repo/nd4j-native-linux-x86_64.jar")),
                classpath);
    }

    @Test
    void listsEachFileOnce() {
        List<File> classpath = ForkClasspath.assemble(CLASSES,
                List.of(entry("a:a:", "/repo/a.jar"), entry("a:a:", "/repo/a.jar"), entry("c:c:", CLASSES.getPath())),
                List.of(entry("b:b:", "/repo/b.jar"), entry("b:b:", "/repo/b-other.jar")));

        assertEquals(List.of(CLASSES, new File("/repo/a.jar"), new File("/repo/b.jar")), classpath);
    }

    @Test
    void joinsWithThePlatformsSeparator() {
        assertEquals(new File("/a.jar").getAbsolutePath() + File.pathSeparator + new File("/b.jar").getAbsolutePath(),
                ForkClasspath.asArgument(List.of(new File("/a.jar"), new File("/b.jar"))));
    }

    private static ClasspathEntry entry(String key, String path) {
        return new ClasspathEntry(key, new File(path));
    }
}
