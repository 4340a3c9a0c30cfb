package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenBlasCoreTypeTest {

    private static final String AVX512 = cpuinfo("fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma avx512f avx512dq");
    private static final String AVX2 = cpuinfo("fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma");
    private static final String SSE = cpuinfo("fpu vme sse sse2 ssse3");

    @Test
    void choosesSkylakeXWhereTheCpuHasAvx512() {
        assertEquals(Optional.of("SkylakeX"), OpenBlasCoreType.forCpuinfo(AVX512));
    }

    @Test
    void choosesHaswellWhereTheCpuHasAvx2() {
        assertEquals(Optional.of("Haswell"), OpenBlasCoreType.forCpuinfo(AVX2));
    }

    @Test
    void leavesOlderCpusToOpenBlas() {
        assertEquals(Optional.empty(), OpenBlasCoreType.forCpuinfo(SSE));
        assertEquals(Optional.empty(), OpenBlasCoreType.forCpuinfo(""));
    }

    @Test
    void matchesWholeFlagsOnly() {
        assertEquals(Optional.empty(), OpenBlasCoreType.forCpuinfo(cpuinfo("avx512fx avx2x")));
    }

    @Test
    void keepsTheUsersValue() {
        assertEquals(Optional.of("Zen"), OpenBlasCoreType.choose("Zen", () -> AVX512));
    }

    @Test
    void ignoresABlankUserValue() {
        assertEquals(Optional.of("Haswell"), OpenBlasCoreType.choose("  ", () -> AVX2));
        assertEquals(Optional.of("Haswell"), OpenBlasCoreType.choose(null, () -> AVX2));
    }

    private static String cpuinfo(String flags) {
        String processor = "vendor_id\t: GenuineIntel\nmodel name\t: Some CPU\nflags\t\t: " + flags
                + "\nbugs\t\t: spectre_v1\n\n";
        return "processor\t: 0\n" + processor + "processor\t: 1\n" + processor;
    }
}
