package org.binaryconnect.runtime.cli;

/** The command line is wrong: an unknown or repeated option, a missing value, a number that is not one. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
