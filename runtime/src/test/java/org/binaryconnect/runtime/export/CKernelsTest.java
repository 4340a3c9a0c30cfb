package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C kernels where they live: {@code src/test/c/kernels_test.c} includes {@code src/main/c/binaryconnect_kernels.h}
 * and checks each kernel on small inputs worked out by hand (a dense layer, words and padding bits, a conv layer's
 * borders, the pool before a negative scale, argmax's ties). The end-to-end parity with the Java inference is
 * {@link CExporterTest}'s and the processor's export tests'.
 */
class CKernelsTest {

    private static final Path KERNELS = Path.of("src/main/c", CKernels.FILE_NAME);
    private static final Path DRIVER = Path.of("src/test/c/kernels_test.c");

    @TempDir
    Path dir;

    @Test
    void kernelsComputeWhatWasWorkedOutByHand() throws Exception {
        Path executable = dir.resolve("kernels_test");
        Gcc.compile(dir, List.of("-DEXPECTED_BINARY_DENSE_SCRATCH_FLOATS=" + CSource.BINARY_DENSE_SCRATCH_FLOATS,
                "-I", KERNELS.getParent().toAbsolutePath().toString(), "-o", executable.toString(),
                DRIVER.toAbsolutePath().toString()));

        String output = Gcc.run(dir, List.of(executable.toString()));

        assertTrue(output.matches("(?s)\\d{3,} checks, 0 failed\\s*"), output);
    }

    @Test
    void theExportCopiesTheKernelsAsTheyAreInTheRepository() throws Exception {
        assertEquals(Files.readString(KERNELS), CKernels.text());
    }
}
