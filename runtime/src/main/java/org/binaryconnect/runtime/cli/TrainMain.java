package org.binaryconnect.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.train.StepSource;
import org.binaryconnect.runtime.train.TrainingDivergedException;
import org.binaryconnect.runtime.train.TrainingRequest;
import org.binaryconnect.runtime.train.TrainingService;

/**
 * The training entry point the Maven plugin runs in a forked JVM:
 * {@code --network <class> --output <dir> [--data <dir>] [--epochs N] [--learning-rate-start X]
 * [--learning-rate-end X] [--seed N] [--validation-samples N]}.
 *
 * <p>Exit codes: {@value #OK} success; {@value #USER_FAILURE} the data or model caused the failure (bad data,
 * divergence, a bad model file); {@value #BAD_CONFIGURATION} bad arguments or configuration; {@value #INTERNAL}
 * anything else. On failure the last line on standard error is {@code [binaryconnect] ERROR: <sentence>}.
 */
public final class TrainMain {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USER_FAILURE = 2;
    public static final int BAD_CONFIGURATION = 3;
    /** Starts the last line on standard error when training fails. */
    public static final String ERROR_PREFIX = "[binaryconnect] ERROR: ";

    private TrainMain() {
    }

    public static void main(String[] args) {
        ParentWatch.startFromEnvironment(System.err);
        // exit explicitly: ND4J's native threads could otherwise keep the forked JVM alive
        System.exit(run(args, System.out, System.err));
    }

    /** Runs training and returns the exit code; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, () -> null);
    }

    /**
     * Runs training with each epoch's steps taken by the source {@code steps} opens (null: in this JVM), and returns
     * the exit code; never throws. The source is opened once the arguments are read, so that its failures (a
     * cluster that cannot be reached) are reported as training's own, and closed at the end when it is
     * {@link AutoCloseable}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Callable<StepSource> steps) {
        StepSource source = null;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(TrainArguments.USAGE);
                return OK;
            }
            TrainingRequest request = TrainArguments.parse(args);
            source = steps.call();
            new TrainingService(line -> {
                out.println(line);
                out.flush();
            }).train(request, source);
            return OK;
        } catch (UsageException | ConfigurationException e) {
            return fail(err, BAD_CONFIGURATION, e.getMessage());
        } catch (DataException | TrainingDivergedException | ModelFileException e) {
            return fail(err, USER_FAILURE, e.getMessage());
        } catch (IOException e) {
            // a full disk, a lost mount, missing permissions: the message names the file and what is intact
            return fail(err, INTERNAL, "Training stopped: " + e.getMessage());
        } catch (Throwable e) {
            e.printStackTrace(err);
            return fail(err, INTERNAL, "Training failed unexpectedly: " + e
                    + " (the stack trace is above); please report it.");
        } finally {
            close(source, err);
        }
    }

    private static void close(StepSource source, PrintStream err) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // training's own outcome is what the exit code reports
                err.println("[binaryconnect] WARNING: could not close " + source + ": " + e);
            }
        }
    }

    /** Prints {@code message} as the error line every entry point ends a failure with, and returns {@code code}. */
    static int fail(PrintStream err, int code, String message) {
        // one line, whatever the message holds: the plugin reads the last line
        err.println(ERROR_PREFIX + String.valueOf(message).replaceAll("\\s*\\R\\s*", " "));
        err.flush();
        return code;
    }
}
