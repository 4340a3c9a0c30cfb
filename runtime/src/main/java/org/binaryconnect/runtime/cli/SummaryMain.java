package org.binaryconnect.runtime.cli;

import java.io.PrintStream;
import java.util.List;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.report.NetworkSummary;

/**
 * The entry point of {@code mvn binaryconnect:summary}: {@code --network <class>} prints the network's per-layer
 * summary ({@link NetworkSummary}) without training, and without allocating the network's buffers. Exit codes and
 * the error line as {@link TrainMain}'s.
 */
public final class SummaryMain {

    static final String USAGE = "usage: SummaryMain --network <generated network class>";

    static final List<CliOption> OPTIONS = List.of(CliOption.NETWORK);

    private SummaryMain() {
    }

    public static void main(String[] args) {
        ParentWatch.startFromEnvironment(System.err);
        System.exit(run(args, System.out, System.err));
    }

    /** Prints the summary and returns the exit code; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(USAGE);
                return TrainMain.OK;
            }
            String network = CommandLineOptions.parse(args, OPTIONS, USAGE).required(CliOption.NETWORK);
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            NetworkDescription description = NetworkClasses.describe(network,
                    loader != null ? loader : SummaryMain.class.getClassLoader());
            out.println(description.name() + " (" + description.specClass() + "): input " + description.inputShape()
                    + ", " + description.classes() + " classes");
            NetworkSummary.of(description).lines().forEach(out::println);
            out.flush();
            return TrainMain.OK;
        } catch (UsageException | ConfigurationException e) {
            return TrainMain.fail(err, TrainMain.BAD_CONFIGURATION, e.getMessage());
        } catch (Throwable e) {
            e.printStackTrace(err);
            return TrainMain.fail(err, TrainMain.INTERNAL, "The summary failed unexpectedly: " + e
                    + " (the stack trace is above); please report it.");
        }
    }
}
