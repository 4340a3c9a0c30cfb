package org.binaryconnect.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Which processor generated a project's classes: its Maven version and the SHA-256 of the jar it was loaded from.
 * The processor records them next to the list of networks ({@code META-INF/binaryconnect/processor.properties}); the
 * Maven plugin compares the jar's sum with the processor the compiler is about to run and, when they differ, gets
 * the networks regenerated: maven-compiler-plugin does not recompile when only its processor path changed.
 *
 * @param version the processor's version, or {@code unknown} when it does not run from its jar
 * @param sha256 the processor jar's SHA-256 in lower-case hex, or {@code unknown} when it does not run from a jar
 *     (from a classes directory: this project's own tests)
 */
record ProcessorIdentity(String version, String sha256) {

    static final String RESOURCE = "META-INF/binaryconnect/processor.properties";
    static final String UNKNOWN = "unknown";
    private static final String POM_PROPERTIES = "/META-INF/maven/org.binaryconnect/binaryconnect-processor/pom.properties";

    /** This processor's identity. */
    static ProcessorIdentity current() {
        return new ProcessorIdentity(ownVersion(), ownJarSha256());
    }

    /** The resource's text: {@code key=value} lines, nothing that changes between two runs of the same jar. */
    String asProperties() {
        return "version=" + version + "\nsha256=" + sha256 + "\n";
    }

    private static String ownVersion() {
        try (InputStream in = NetworkProcessor.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    private static String ownJarSha256() {
        try {
            CodeSource source = NetworkProcessor.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return UNKNOWN;
            }
            Path jar = Path.of(location.toURI());
            if (!Files.isRegularFile(jar)) {
                return UNKNOWN;
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
