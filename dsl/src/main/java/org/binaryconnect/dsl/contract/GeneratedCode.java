package org.binaryconnect.dsl.contract;

/**
 * What the annotation processor, the training classes it generates and the runtime that loads them agree on,
 * defined here once because all three see this module.
 */
public final class GeneratedCode {

    /**
     * The version of the contract between generated training classes and the runtime. The processor writes it
     * into every generated network as the constant {@link #VERSION_FIELD}, and the runtime refuses a class of
     * another version; it changes whenever what the generated code and the runtime expect of each other changes.
     */
    public static final int VERSION = 4;

    /** The name of the {@code public static final int} that carries {@link #VERSION} in a generated network. */
    public static final String VERSION_FIELD = "GENERATED_CODE_VERSION";

    private GeneratedCode() {
    }
}
