package org.binaryconnect.runtime.model;

/**
 * A model file that cannot be loaded: missing, damaged, of an unknown format, or trained for another network.
 * The message is one sentence naming the file and what is wrong.
 *
 * <p>Unchecked like the runtime's other user-caused failures: the entry point reports it with exit code 2 and
 * the Maven plugin as a {@code MojoFailureException}.
 */
public final class ModelFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }
}
