package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * kind and both losses.
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

    private static void assertGradientsMatch(TrainableNetwork network, long dataSeed) {
        Batches.fillRandom(network, dataSeed);
        moveBiasesOffZero(network, dataSeed);
        network.prepareTrainingStep();
        network.forwardBackward();
        List<String> failures = new ArrayList<>();
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
        assertTrue(checked > 50, "checked only " + checked + " entries");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " gradient entries differ:\n"
                + String.join("\n", failures));
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
