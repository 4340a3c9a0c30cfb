package org.binaryconnect.runtime.io;

import java.io.IOException;
import java.nio.file.Path;

/** Another process holds a network's output directory ({@link OutputLock}). */
public final class OutputLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    OutputLockedException(Path directory, String holder) {
        super(directory + " is locked: " + holder + " is using it. Wait for that run to finish, or stop it, then try"
                + " again; the lock ends with its process, so there is nothing to delete by hand.");
    }
}
