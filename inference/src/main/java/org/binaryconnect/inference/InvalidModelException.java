package org.binaryconnect.inference;

import java.io.IOException;

/**
 * A packed model a generated inference class cannot use: not the format, another version, truncated, corrupt, or
 * trained for a different network. The message says which.
 */
public final class InvalidModelException extends IOException {
    private static final long serialVersionUID = 1L;

    InvalidModelException(String message) {
        super(message);
    }
}
