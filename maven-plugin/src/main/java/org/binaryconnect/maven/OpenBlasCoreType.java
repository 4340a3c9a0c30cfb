package org.binaryconnect.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The OpenBLAS kernel the training JVM asks for. ND4J's bundled OpenBLAS misdetects recent CPUs and falls back
 * to an SSE3 kernel about five times slower; {@code OPENBLAS_CORETYPE} must be set before the JVM starts.
 */
final class OpenBlasCoreType {

    static final String VARIABLE = "OPENBLAS_CORETYPE";

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private OpenBlasCoreType() {
    }

    /** The user's value when set, otherwise the kernel the CPU flags call for; empty to let OpenBLAS decide. */
    static Optional<String> choose(String userValue, Supplier<String> cpuinfo) {
        if (userValue != null && !userValue.isBlank()) {
            return Optional.of(userValue.trim());
        }
        return forCpuinfo(cpuinfo.get());
    }

    static Optional<String> forCpuinfo(String cpuinfo) {
        Set<String> flags = flags(cpuinfo);
        if (flags.contains("avx512f")) {
            return Optional.of("SkylakeX");
        }
        if (flags.contains("avx2")) {
            return Optional.of("Haswell");
        }
        return Optional.empty();
    }

    /** The flags of the first processor listed; every core of a machine reports the same. */
    private static Set<String> flags(String cpuinfo) {
        return cpuinfo.lines()
                .filter(line -> line.startsWith("flags") && line.indexOf(':') > 0)
                .findFirst()
                .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /** This machine's /proc/cpuinfo, or an empty text where there is none (not Linux). */
    static String readCpuinfo() {
        try {
            return Files.readString(CPUINFO, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
