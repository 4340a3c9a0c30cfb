package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedClassesTest {

    private static final String OLD = "a".repeat(64);
    private static final String NEW = "b".repeat(64);

    @TempDir
    Path classes;

    @BeforeEach
    void compileANetwork() throws IOException {
        for (String file : List.of("com/example/FashionMlp.class", "com/example/FashionMlpNetwork.class",
                "com/example/FashionMlpNetwork$Buffers.class", "com/example/FashionMlpInference.class",
                "com/example/Application.class", "com/example/FashionMlp.bcpk")) {
            Files.createDirectories(classes.resolve(file).getParent());
            Files.write(classes.resolve(file), new byte[] {1});
        }
        Files.createDirectories(classes.resolve(DeclaredNetworks.RESOURCE).getParent());
        Files.writeString(classes.resolve(DeclaredNetworks.RESOURCE), "com.example.FashionMlpNetwork\n");
        Files.writeString(classes.resolve(GeneratedClasses.PROCESSOR_RESOURCE), "version=0.1.0\nsha256=" + OLD + "\n");
    }

    @Test
    void classesOfTheSameProcessorStay() throws Exception {
        GeneratedClasses generated = new GeneratedClasses(classes.toFile());

        assertEquals(OLD, generated.recordedProcessorSha256());
        assertEquals(List.of(), generated.deleteUnlessGeneratedBy(OLD));
        assertTrue(Files.isRegularFile(classes.resolve("com/example/FashionMlpNetwork.class")));
    }

    @Test
    void classesOfAnotherProcessorAreDeletedWithTheirSpecSoThatTheCompilerRecompilesIt() throws Exception {
        List<Path> deleted = new GeneratedClasses(classes.toFile()).deleteUnlessGeneratedBy(NEW);

        assertEquals(6, deleted.size(), deleted.toString());
        for (String gone : List.of("com/example/FashionMlp.class", "com/example/FashionMlpNetwork.class",
                "com/example/FashionMlpNetwork$Buffers.class", "com/example/FashionMlpInference.class",
                DeclaredNetworks.RESOURCE, GeneratedClasses.PROCESSOR_RESOURCE)) {
            assertFalse(Files.exists(classes.resolve(gone)), gone);
        }
        assertTrue(Files.isRegularFile(classes.resolve("com/example/Application.class")), "the user's own classes");
        assertTrue(Files.isRegularFile(classes.resolve("com/example/FashionMlp.bcpk")), "the exported model");
    }

    @Test
    void classesThatRecordNoProcessorCameFromAnOlderOne() throws Exception {
        Files.delete(classes.resolve(GeneratedClasses.PROCESSOR_RESOURCE));
        GeneratedClasses generated = new GeneratedClasses(classes.toFile());

        assertEquals(GeneratedClasses.NONE, generated.recordedProcessorSha256());
        assertFalse(generated.deleteUnlessGeneratedBy(NEW).isEmpty());
    }

    @Test
    void nothingCompiledNothingToDo() throws Exception {
        File empty = Files.createDirectories(classes.resolve("empty")).toFile();

        assertEquals(List.of(), new GeneratedClasses(empty).deleteUnlessGeneratedBy(NEW));
        assertEquals(List.of(), new GeneratedClasses(new File(empty, "missing")).deleteUnlessGeneratedBy(NEW));
    }
}
