package org.binaryconnect.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns a forked JVM's exit into Maven's verdict. {@code TrainMain} exits with 2 when the user's data or
 * model caused the failure (a build failure), 3 for bad arguments or configuration and 1 for anything else
 * (errors of the build's setup).
 */
final class ChildExit {

    static final int SUCCESS = 0;
    static final int USER_DATA_OR_MODEL = 2;
    static final int CONFIGURATION = 3;

    private ChildExit() {
    }

    static void check(ChildProcess.Result result, String network) throws MojoExecutionException, MojoFailureException {
        check(result, network, ForkedJvm.Activity.TRAINING);
    }

    /** The same verdict for any entry point with {@code TrainMain}'s exit codes, in that activity's words. */
    static void check(ChildProcess.Result result, String network, ForkedJvm.Activity activity)
            throws MojoExecutionException, MojoFailureException {
        String action = activity.action();
        String jvm = activity.jvmName();
        int code = result.exitCode();
        if (code == SUCCESS) {
            return;
        }
        String sentence = result.errorSentence();
        if (code == USER_DATA_OR_MODEL) {
            throw new MojoFailureException(sentence != null
                    ? action + " " + network + " failed: " + sentence
                    : action + " " + network + " failed on its data or model (exit code 2); the log above says why.");
        }
        if (sentence != null) {
            throw new MojoExecutionException(action + " " + network + " failed: " + sentence);
        }
        if (code > 128) {
            throw new MojoExecutionException("The " + jvm + " of " + network + " was killed by signal " + (code - 128)
                    + " (exit code " + code + "); if memory ran out, lower the heap in -Dbinaryconnect.jvmArgs"
                    + " or free memory.");
        }
        throw new MojoExecutionException("The " + jvm + " of " + network + " exited with code " + code
                + (code == CONFIGURATION ? " (bad arguments or configuration)" : "")
                + "; the log above says why.");
    }
}
