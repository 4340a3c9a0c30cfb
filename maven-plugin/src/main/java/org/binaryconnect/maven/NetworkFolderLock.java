package org.binaryconnect.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.binaryconnect.runtime.io.OutputLock;
import org.binaryconnect.runtime.io.OutputLockedException;

/**
 * A goal's hold on a network's folder for as long as it runs, fork included: a second {@code train},
 * {@code evaluate} or {@code export} on the same folder fails at once, naming the holder ({@link OutputLock}).
 */
final class NetworkFolderLock {

    private NetworkFolderLock() {
    }

    /**
     * Takes {@code folder}, which must exist, for the goal {@code goal} (such as {@code binaryconnect:train}).
     *
     * @throws MojoExecutionException when another process holds it, naming that process, or it cannot be locked
     */
    static OutputLock hold(File folder, String goal) throws MojoExecutionException {
        try {
            return OutputLock.acquire(folder.toPath(), goal);
        } catch (OutputLockedException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot lock " + folder + " (" + e.getMessage() + "): choose a writable"
                    + " outputDirectory.", e);
        }
    }

    /** Ends the hold; a failure to release changes nothing, since the lock ends with this process anyway. */
    static void release(OutputLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the operating system releases it when Maven exits
        }
    }
}
