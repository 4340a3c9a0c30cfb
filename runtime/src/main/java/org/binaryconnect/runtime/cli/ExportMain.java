package org.binaryconnect.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.binaryconnect.runtime.export.ExportException;
import org.binaryconnect.runtime.export.ExportResult;
import org.binaryconnect.runtime.export.ExportService;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.network.ConfigurationException;

/**
 * The export entry point the Maven plugin runs in a forked JVM:
 * {@code --network <class> --model <model.bin> --resource-dir <dir> --c-dir <dir> [--project-version <v>]}
 * and the dataset options of training. Packs the model, reads the packed bytes back through the generated
 * {@code <Spec>Inference} and, when the data is at hand, predicts its test part and compares every prediction with
 * the trained network's with binary weights; then writes {@code <resource-dir>/<spec package>/<Spec>.bcpk}, the
 * resource the generated inference class reads, {@code <Spec>.model-card.json} beside it, and
 * {@code <c-dir>/<spec>.h} and {@code .c}. Its last line is
 * {@code shipped model: test accuracy <a> (<n> samples); trained network with binary weights: <b>} (or says why
 * nothing was verified).
 *
 * <p>Exit codes as {@link TrainMain}'s: {@value TrainMain#OK} success; {@value TrainMain#USER_FAILURE} the model
 * caused the failure (missing, damaged, trained for another network, not finite, or packed into a model that
 * predicts a test sample differently); {@value TrainMain#BAD_CONFIGURATION}
 * bad arguments or network class; {@value TrainMain#INTERNAL} anything else. On failure the last line on standard
 * error is {@code [binaryconnect] ERROR: <sentence>}.
 */
public final class ExportMain {

    private ExportMain() {
    }

    public static void main(String[] args) {
        ParentWatch.startFromEnvironment(System.err);
        // exit explicitly: ND4J's native threads could otherwise keep the forked JVM alive
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the export and returns the exit code; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(ExportArguments.USAGE);
                return TrainMain.OK;
            }
            ExportResult result = ExportService.export(ExportArguments.parse(args), out::println);
            out.println("packed resource: " + result.packedFile());
            out.println("C source: " + String.join(", ", result.cFiles().stream().map(Path::toString).toList()));
            out.println("model card: " + result.modelCard());
            out.println(result.sizeLine());
            out.println(result.verification().line());
            out.flush();
            return TrainMain.OK;
        } catch (UsageException | ConfigurationException e) {
            return TrainMain.fail(err, TrainMain.BAD_CONFIGURATION, e.getMessage());
        } catch (ModelFileException | ExportException e) {
            return TrainMain.fail(err, TrainMain.USER_FAILURE, e.getMessage());
        } catch (Throwable e) {
            e.printStackTrace(err);
            return TrainMain.fail(err, TrainMain.INTERNAL, "Export failed unexpectedly: " + e
                    + " (the stack trace is above); please report it.");
        }
    }
}
