package org.binaryconnect.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Nd4j;

/** What a benchmark number depends on besides the code: printed first so that results can be compared. */
final class MachineFacts {

    private MachineFacts() {
    }

    static List<String> lines() {
        Blas blas = Nd4j.factory().blas();
        return List.of(
                "cpu: " + cpuModel().orElse("unknown"),
                "nproc: " + Runtime.getRuntime().availableProcessors(),
                "OPENBLAS_CORETYPE: " + environment("OPENBLAS_CORETYPE")
                        + " (the bundled OpenBLAS misdetects this CPU without it)",
                "OMP_NUM_THREADS: " + environment("OMP_NUM_THREADS"),
                "blas: " + blas.getBlasVendor() + ", " + blas.getMaxThreads() + " threads",
                "java: " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                        + "), max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB",
                "nd4j: " + nd4jVersion().orElse("unknown") + ", backend "
                        + Nd4j.getBackend().getClass().getSimpleName());
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        return value == null ? "(unset)" : value;
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** ND4J's jars have no Implementation-Version; Maven's pom.properties inside nd4j-api names the release. */
    private static Optional<String> nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
