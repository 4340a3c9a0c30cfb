package org.binaryconnect.runtime.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The C kernels every exported network calls, {@code binaryconnect_kernels.h}: real C in
 * {@code runtime/src/main/c}, packaged next to this class, which the export copies unchanged beside each network's
 * {@code .c}. CKernelsTest compiles and checks them with gcc where they live.
 */
final class CKernels {

    /** The header's file name, in the jar (next to this class) and in the export's directory. */
    static final String FILE_NAME = "binaryconnect_kernels.h";

    private CKernels() {
    }

    /** The header's text, as it is in the repository. */
    static String text() {
        try (InputStream in = CKernels.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException(FILE_NAME + " is missing next to " + CKernels.class.getName()
                        + ": the runtime jar is incomplete (its build copies it from src/main/c)");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + FILE_NAME + " from the runtime jar", e);
        }
    }
}
