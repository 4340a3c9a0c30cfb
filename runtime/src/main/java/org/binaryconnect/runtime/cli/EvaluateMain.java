package org.binaryconnect.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetSplit;
import org.binaryconnect.runtime.data.Samples;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.model.ModelFileException;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.train.EvaluationReport;
import org.binaryconnect.runtime.train.Evaluator;

/**
 * The evaluation entry point the Maven plugin runs in a forked JVM: {@code --network <class> --model <model.bin>
 * --data <dir> --output <dir> [--part test|validation|training] [--weights BINARY|REAL|SAMPLED_AVERAGE]
 * [--validation-samples N]}. Prints
 * the accuracy, the per-class accuracy and the confusion matrix, and writes them to
 * {@code <output>/evaluation.json} and {@code <output>/confusion-matrix.csv}.
 *
 * <p>The validation part is the last {@code validationSamples} training samples ({@code --validation-samples}, or
 * what the network's {@code @Training} declares), and the training part the samples before them, as training
 * splits the data. Exit codes as
 * {@link TrainMain}'s: {@value TrainMain#USER_FAILURE} the data or model caused the failure (missing or damaged
 * model, bad data); {@value TrainMain#BAD_CONFIGURATION} bad arguments or network class; {@value TrainMain#INTERNAL}
 * anything else. On failure the last line on standard error is {@code [binaryconnect] ERROR: <sentence>}.
 */
public final class EvaluateMain {

    private EvaluateMain() {
    }

    public static void main(String[] args) {
        ParentWatch.startFromEnvironment(System.err);
        // exit explicitly: ND4J's native threads could otherwise keep the forked JVM alive
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the evaluation and returns the exit code; never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(EvaluateArguments.USAGE);
                return TrainMain.OK;
            }
            EvaluateArguments.Parsed parsed = EvaluateArguments.parse(args);
            EvaluationReport report = evaluate(parsed, out);
            report.lines().forEach(out::println);
            List<Path> files = report.write(parsed.output());
            out.println("report: " + files.get(0) + ", " + files.get(1));
            out.flush();
            return TrainMain.OK;
        } catch (UsageException | ConfigurationException e) {
            return TrainMain.fail(err, TrainMain.BAD_CONFIGURATION, e.getMessage());
        } catch (DataException | ModelFileException e) {
            return TrainMain.fail(err, TrainMain.USER_FAILURE, e.getMessage());
        } catch (Throwable e) {
            e.printStackTrace(err);
            return TrainMain.fail(err, TrainMain.INTERNAL, "Evaluation failed unexpectedly: " + e
                    + " (the stack trace is above); please report it.");
        }
    }

    private static EvaluationReport evaluate(EvaluateArguments.Parsed parsed, PrintStream out) throws IOException {
        TrainableNetwork network = NetworkClasses.instantiate(parsed.network(), OptionalLong.empty());
        NetworkDescription description = network.description();
        if (!Files.isRegularFile(parsed.model())) {
            // the usual cause is a network never trained, so say how to get the file rather than only that it is missing
            throw new ModelFileException("There is no trained model of " + description.name() + ": "
                    + parsed.model() + " does not exist; run mvn binaryconnect:train first (with the same "
                    + "outputDirectory).");
        }
        ModelFile.load(parsed.model(), network);
        Dataset dataset = new DatasetLoader().load(parsed.data().withConsole(out::println), description.inputSize(),
                description.classes());
        Samples samples = samples(dataset, parsed.part(),
                parsed.validationSamples().orElse(description.training().validationSamples()), dataset.directory());
        EvaluationWeights weights = parsed.weights().orElse(description.evaluation());
        Evaluator.Outcome outcome = new Evaluator(network).outcome(samples, weights,
                Math.max(1, description.evaluationSamples()));
        int[] predicted = outcome.predicted();
        int[] labels = new int[samples.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = samples.label(i);
        }
        return new EvaluationReport(description.name(), parsed.part().label(), dataset.directory(), weights,
                outcome.loss(), ConfusionMatrix.of(description.classes(), labels, predicted),
                dataset.classNames());
    }

    private static Samples samples(Dataset dataset, EvaluateArguments.Part part, int validationSamples, Path data) {
        if (part == EvaluateArguments.Part.TEST) {
            return dataset.test();
        }
        int available = dataset.training().size();
        if (validationSamples < 0 || validationSamples >= available) {
            throw new ConfigurationException("validationSamples is " + validationSamples + ", but " + data
                    + " holds only " + available + " training samples: give the validationSamples the network was"
                    + " trained with, or evaluate the test part.");
        }
        DatasetSplit split = dataset.split(validationSamples);
        if (part == EvaluateArguments.Part.VALIDATION && split.validation().size() == 0) {
            // an accuracy over no sample is NaN, never a figure to report as a success
            throw new ConfigurationException("The validation part is empty (validationSamples is 0): give the"
                    + " validationSamples the network was trained with, or evaluate the test part.");
        }
        return part == EvaluateArguments.Part.VALIDATION ? split.validation() : split.training();
    }
}
