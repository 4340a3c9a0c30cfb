package org.binaryconnect.runtime.data;

/**
 * The training data is missing, damaged or does not fit the network. The message is one sentence naming the
 * file or directory and what to change.
 *
 * <p>Unchecked, because nothing between the reader and the entry point can repair bad data: the training
 * command reports it (exit code 2, "the user's data caused the failure") and the Maven plugin turns it into a
 * {@code MojoFailureException}.
 */
public final class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
