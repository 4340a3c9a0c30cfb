package org.binaryconnect.runtime.network;

/**
 * The training request is wrong: an unknown network class, an impossible epoch count or learning rate, more
 * validation samples than the data has. The message is one sentence saying what to change.
 *
 * <p>Unchecked; the entry point reports it with exit code 3 and the Maven plugin as a
 * {@code MojoExecutionException} (a configuration problem, not one the model or data caused).
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
