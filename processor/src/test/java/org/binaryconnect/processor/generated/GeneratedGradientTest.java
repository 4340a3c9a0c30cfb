package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.binaryconnect.processor.specs.ConvGradientNetNetwork;
import org.binaryconnect.processor.specs.ConvValidNetNetwork;
import org.binaryconnect.processor.specs.HingeGradientNetNetwork;
import org.binaryconnect.processor.specs.SoftmaxGradientNetNetwork;
import org.binaryconnect.processor.specs.ThreeLayerNetNetwork;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.optim.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generated backward pass against central finite differences of the generated forward pass, in double
 * precision, with the binary weights (and dropout masks) of one step held fixed: every parameter of every layer
 * kind and both losses. The harness itself is shown to reject a gradient that is wrong in one entry by 1 %
 * (see {@link #theHarnessNamesTheOneGradientEntryThatIsOnePercentOff}).
 */
class GeneratedGradientTest {

    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-5;

    @Test
    void squaredHingeNetworkWithBatchNormDropoutAndFullPrecisionLayerMatchesFiniteDifferences() {
        assertGradientsMatch(new HingeGradientNetNetwork(DataType.DOUBLE, 7), 101);
    }

    @Test
    void softmaxCrossEntropyNetworkWithoutBatchNormMatchesFiniteDifferences() {
        assertGradientsMatch(new SoftmaxGradientNetNetwork(DataType.DOUBLE, 11), 202);
    }

    @Test
    void authorsStyleThreeLayerNetworkMatchesFiniteDifferences() {
        assertGradientsMatch(new ThreeLayerNetNetwork(DataType.DOUBLE, 3), 303);
    }

    @Test
    void convNetworkWithSameStridesPoolAndChannelBatchNormMatchesFiniteDifferences() {
        assertGradientsMatch(new ConvGradientNetNetwork(DataType.DOUBLE, 5), 505);
    }

    @Test
    void convNetworkWithValidStridedConvolutionsOverlappingPoolAndDropoutMatchesFiniteDifferences() {
        assertGradientsMatch(new ConvValidNetNetwork(DataType.DOUBLE, 6), 606);
    }

    @Test
    void theHarnessNamesTheOneGradientEntryThatIsOnePercentOff() {
        for (TrainableNetwork network : List.<TrainableNetwork>of(new ThreeLayerNetNetwork(DataType.DOUBLE, 3),
                new ConvGradientNetNetwork(DataType.DOUBLE, 5))) {
            String[] corrupted = new String[1];
            List<String> failures = new ArrayList<>();
            int checked = checkGradients(network, 303, failures, backwardDone -> {
                // the weight gradient of the second layer, where every upstream and downstream kernel contributes
                Parameter parameter = backwardDone.parameters().stream().filter(p -> p.name().endsWith(".W"))
                        .skip(1).findFirst().orElseThrow();
                INDArray gradient = parameter.gradient();
                for (long i = 0; i < gradient.length(); i++) {
                    if (Math.abs(gradient.getDouble(i)) > 1e-3) {
                        gradient.putScalar(i, gradient.getDouble(i) * 1.01);
                        corrupted[0] = parameter.name() + "[" + i + "]";
                        return;
                    }
                }
            });
            assertTrue(corrupted[0] != null, "no gradient entry large enough to corrupt");
            assertTrue(checked > 50, "checked only " + checked + " entries");
            assertEquals(1, failures.size(), "the harness reports exactly the corrupted entry: " + failures);
            assertTrue(failures.get(0).startsWith(corrupted[0] + ":"), corrupted[0] + " expected: " + failures);
        }
    }

    private static void assertGradientsMatch(TrainableNetwork network, long dataSeed) {
        List<String> failures = new ArrayList<>();
        int checked = checkGradients(network, dataSeed, failures, backwardDone -> { });
        assertTrue(checked > 50, "checked only " + checked + " entries");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " gradient entries differ:\n"
                + String.join("\n", failures));
    }

    /**
     * Compares every gradient entry with its finite difference, adding one line per entry beyond the tolerance to
     * {@code failures}; {@code afterBackward} may change the gradients (the harness's self-test). Returns the number
     * of entries checked.
     */
    private static int checkGradients(TrainableNetwork network, long dataSeed, List<String> failures,
            Consumer<TrainableNetwork> afterBackward) {
        Batches.fillRandom(network, dataSeed);
        moveBiasesOffZero(network, dataSeed);
        network.prepareTrainingStep();
        network.forwardBackward();
        afterBackward.accept(network);
        int checked = 0;
        for (Parameter parameter : network.parameters()) {
            INDArray propagated = parameter.propagated();
            INDArray analytic = parameter.gradient().dup();
            for (long i = 0; i < propagated.length(); i++) {
                double original = propagated.getDouble(i);
                propagated.putScalar(i, original + STEP);
                double plus = network.forwardLoss();
                propagated.putScalar(i, original - STEP);
                double minus = network.forwardLoss();
                propagated.putScalar(i, original);
                double numeric = (plus - minus) / (2 * STEP);
                double error = relativeError(analytic.getDouble(i), numeric);
                checked++;
                if (error >= TOLERANCE) {
                    failures.add(parameter.name() + "[" + i + "]: analytic " + analytic.getDouble(i) + ", numeric "
                            + numeric + ", relative error " + error);
                }
            }
        }
        return checked;
    }

    /**
     * Biases start at zero, so a row whose inputs to a ReLU layer are all zero (dropout and ReLU make that common in
     * small layers) would put a pre-activation exactly on the ReLU's kink, where no derivative exists.
     */
    private static void moveBiasesOffZero(TrainableNetwork network, long seed) {
        Random random = new Random(seed);
        for (Parameter parameter : network.parameters()) {
            if (parameter.name().endsWith(".b")) {
                for (long i = 0; i < parameter.value().length(); i++) {
                    parameter.value().putScalar(i, random.nextDouble() - 0.5);
                }
            }
        }
    }

    /**
     * Relative error, with the denominator floored at 1e-4: finite differences of a loss near 1 carry about 1e-10 of
     * rounding noise, which would otherwise dominate gradients that are exactly zero (a bias before batch norm).
     */
    static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(1e-4, Math.abs(analytic) + Math.abs(numeric));
    }
}
