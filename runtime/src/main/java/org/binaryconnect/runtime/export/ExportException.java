package org.binaryconnect.runtime.export;

/**
 * A trained network that cannot be exported: a state array missing or of the wrong shape, or a weight, scale or
 * shift that is not a finite number (a diverged or damaged model). The message is one sentence saying what is
 * wrong and what to do.
 *
 * <p>Unchecked like the runtime's other failures caused by the user's model: the export command reports it with
 * exit code 2 and the Maven plugin as a {@code MojoFailureException}.
 */
public final class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
