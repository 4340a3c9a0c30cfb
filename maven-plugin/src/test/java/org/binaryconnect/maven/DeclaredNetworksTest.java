package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredNetworksTest {

    @TempDir
    Path classes;

    @Test
    void readsTheProcessorsList() throws Exception {
        write("com.example.FashionMlpNetwork\n\n# a comment\ncom.example.deep.OtherNetwork\ncom.example.FashionMlpNetwork\n");

        assertEquals(List.of(new DeclaredNetwork("com.example.FashionMlpNetwork"),
                new DeclaredNetwork("com.example.deep.OtherNetwork")), DeclaredNetworks.read(classes.toFile()).all());
    }

    @Test
    void namesANetworkForItsSpec() {
        DeclaredNetwork network = new DeclaredNetwork("com.example.FashionMlpNetwork");

        assertEquals("FashionMlp", network.name());
        assertEquals("com.example.FashionMlp", network.specClass());
        assertEquals("Network", new DeclaredNetwork("Network").name());
    }

    @Test
    void failsWhenNoNetworkWasCompiled() throws Exception {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> DeclaredNetworks.read(classes.toFile()).select(null));

        assertTrue(e.getMessage().contains("no @Network class was compiled in this project"), e.getMessage());
        assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
    }

    @Test
    void takesTheOnlyNetworkWhenNoneIsNamed() throws Exception {
        write("com.example.FashionMlpNetwork\n");

        assertEquals("com.example.FashionMlpNetwork",
                DeclaredNetworks.read(classes.toFile()).select(null).generatedClass());
        assertEquals("com.example.FashionMlpNetwork",
                DeclaredNetworks.read(classes.toFile()).select(" ").generatedClass());
    }

    @Test
    void asksForANameWhenThereAreSeveral() throws Exception {
        write("com.example.FashionMlpNetwork\ncom.example.SmallNetwork\n");

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> DeclaredNetworks.read(classes.toFile()).select(null));

        assertTrue(e.getMessage().contains("FashionMlp, Small"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dbinaryconnect.network="), e.getMessage());
    }

    @Test
    void findsANetworkByAnyOfItsNames() throws Exception {
        write("com.example.FashionMlpNetwork\ncom.example.SmallNetwork\n");
        DeclaredNetworks networks = DeclaredNetworks.read(classes.toFile());

        for (String name : List.of("Small", "com.example.Small", "SmallNetwork", "com.example.SmallNetwork")) {
            assertEquals("com.example.SmallNetwork", networks.select(name).generatedClass(), name);
        }
    }

    @Test
    void listsTheKnownNetworksForAnUnknownName() throws Exception {
        write("com.example.FashionMlpNetwork\ncom.example.SmallNetwork\n");

        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> DeclaredNetworks.read(classes.toFile()).select("Big"));

        assertTrue(e.getMessage().contains("Unknown network 'Big'"), e.getMessage());
        assertTrue(e.getMessage().contains("network"), e.getMessage());
        assertTrue(e.getMessage().contains("FashionMlp, Small"), e.getMessage());
    }

    @Test
    void asksForAQualifiedNameWhenASimpleOneIsAmbiguous() throws Exception {
        write("com.a.MlpNetwork\ncom.b.MlpNetwork\n");
        DeclaredNetworks networks = DeclaredNetworks.read(classes.toFile());

        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> networks.select("Mlp"));

        assertTrue(e.getMessage().contains("com.a.Mlp, com.b.Mlp"), e.getMessage());
        assertEquals("com.b.MlpNetwork", networks.select("com.b.Mlp").generatedClass());
    }

    private void write(String text) throws IOException {
        Path list = classes.resolve(DeclaredNetworks.RESOURCE);
        Files.createDirectories(list.getParent());
        Files.writeString(list, text);
    }
}
