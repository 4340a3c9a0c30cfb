package org.binaryconnect.runtime.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingConfig;

/** A plausible finished run of a small MLP, with a name that needs escaping in HTML and JSON. */
final class ReportFixtures {

    static final String NAME = "Mlp<b>&\"Q\"";
    static final int CLASSES = 10;
    static final int EPOCHS = 12;
    /** The best validation accuracy is at this epoch; its test accuracy is {@link #BEST_TEST_ACCURACY}. */
    static final int BEST_EPOCH = 10;
    static final double BEST_TEST_ACCURACY = 0.87125;

    private ReportFixtures() {
    }

    static NetworkDescription network() {
        return new NetworkDescription(NAME, "org.example.FashionMlp", List.of(28, 28), CLASSES, 100,
                Binarization.DETERMINISTIC, Loss.SQUARED_HINGE, EvaluationWeights.BINARY, 1, "adam(beta1=0.9)",
                new TrainingDefaults(EPOCHS, 3e-3, 2e-6, 5000, 1234), List.of(
                        new LayerDescription("hidden1", 784, 256, true, 1, true, 1e-4, Nonlinearity.RELU, 0.2,
                                "hidden1: dense 784 -> 256, binary H=1.0, batch norm, RELU"),
                        new LayerDescription("output", 256, CLASSES, true, 1, true, 1e-4, Nonlinearity.IDENTITY, 0,
                                "output: dense 256 -> 10, binary H=1.0, batch norm, IDENTITY")));
    }

    static TrainingConfig config(Path output) {
        return new TrainingConfig(EPOCHS, 3e-3, 2e-6, 5000, 1234, output);
    }

    /** Loss falling, accuracies rising with a little noise; the validation peak is at {@link #BEST_EPOCH}. */
    static List<EpochResult> epochs() {
        List<EpochResult> epochs = new ArrayList<>();
        for (int e = 1; e <= EPOCHS; e++) {
            double validation = e == BEST_EPOCH ? 0.885 : 0.70 + 0.015 * e - (e > BEST_EPOCH ? 0.01 : 0);
            double test = e == BEST_EPOCH ? BEST_TEST_ACCURACY : validation - 0.012;
            epochs.add(new EpochResult(e, 3e-3 * Math.pow(0.5, e - 1), 1.2 / e + 0.05, validation, test, 3.5 + e % 3,
                    14000 + 500 * (e % 4)));
        }
        return epochs;
    }

    static EpochResult best(List<EpochResult> epochs) {
        return epochs.get(BEST_EPOCH - 1);
    }

    /** Test predictions: most right, the rest spread over the other classes; class sizes differ. */
    static ConfusionMatrix matrix() {
        Random random = new Random(7);
        List<int[]> pairs = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            int samples = 80 + 10 * c;
            for (int i = 0; i < samples; i++) {
                int predicted = random.nextDouble() < 0.6 + 0.035 * c ? c : random.nextInt(CLASSES);
                pairs.add(new int[] {c, predicted});
            }
        }
        return ConfusionMatrix.of(CLASSES, pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
    }

    /**
     * The same run as a stochastic network evaluated with its real-valued weights: each epoch's binary-weight
     * accuracies, measured apart, 3 and 4 points below.
     */
    static List<EpochResult> stochasticEpochs() {
        List<EpochResult> epochs = new ArrayList<>();
        for (EpochResult e : epochs()) {
            epochs.add(new EpochResult(e.epoch(), e.learningRate(), e.trainLoss(), e.validationAccuracy(),
                    e.testAccuracy(), e.seconds(), e.samplesPerSecond(), e.validationAccuracy() - 0.03,
                    e.testAccuracy() - 0.04, true));
        }
        return epochs;
    }

    static ReportInputs stochasticInputs(Path output) {
        return stochasticInputs(output, List.of());
    }

    /** {@link #stochasticInputs(Path)} on data whose class names are {@code names}. */
    static ReportInputs stochasticInputs(Path output, List<String> names) {
        List<EpochResult> epochs = stochasticEpochs();
        NetworkDescription n = network();
        NetworkDescription stochastic = new NetworkDescription(n.name(), n.specClass(), n.inputShape(), n.classes(),
                n.batchSize(), Binarization.STOCHASTIC, n.loss(), EvaluationWeights.REAL, 1, n.optimizer(),
                n.training(), n.layers());
        return new ReportInputs(stochastic, config(output), epochs, best(epochs), matrix(), names);
    }

    /** Fashion-MNIST's classes, with a slash in the first. */
    static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The run on data whose class names are {@code names}. */
    static ReportInputs namedInputs(Path output, List<String> names) {
        List<EpochResult> epochs = epochs();
        return new ReportInputs(network(), config(output), epochs, best(epochs), matrix(), names);
    }

    static ReportInputs inputs(Path output) {
        List<EpochResult> epochs = epochs();
        return new ReportInputs(network(), config(output), epochs, best(epochs), matrix());
    }
}
