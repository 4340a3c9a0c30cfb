package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.processor.specs.SeedCnnNetwork;
import org.binaryconnect.runtime.optim.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An independent oracle for the generated backward pass of the seed network (conv 5x5x32 SAME, ReLU, max-pool 2,
 * conv 5x5x64 SAME, ReLU, max-pool 2, dense 1024 ReLU, dense 10, softmax cross-entropy): the same network with the
 * same binary weights written as a SameDiff graph of ND4J's own conv2d and max-pool ops, in the seed's order (ReLU
 * before the pool, where the generated code pools first: the same function), differentiated by ND4J's autodiff.
 */
class ConvSameDiffOracleTest {

    @Test
    void generatedBackwardPassOfTheSeedNetworkMatchesSameDiffAutodiff() {
        SeedCnnNetwork network = new SeedCnnNetwork(DataType.DOUBLE, 21);
        Batches.fillRandom(network, 2121);
        network.prepareTrainingStep();
        double loss = network.forwardBackward();

        Map<String, Parameter> parameters = new HashMap<>();
        network.parameters().forEach(p -> parameters.put(p.name(), p));
        int batch = network.description().batchSize();
        SameDiff sd = SameDiff.create();
        List<String> variables = new ArrayList<>();
        SDVariable activations = sd.constant("x", network.input().dup().reshape(batch, 1, 28, 28));
        int channels = 1;
        for (String layer : List.of("conv1", "conv2")) {
            INDArray w = parameters.get(layer + ".W").propagated();
            int filters = (int) w.size(0);
            // SameDiff's default [kH, kW, in, out] layout: its conv2d_bp fails validation with weightsFormat OIYX
            SDVariable weights = variable(sd, w.dup().reshape(filters, channels, 5, 5).permute(2, 3, 1, 0).dup(),
                    layer + ".W", variables);
            SDVariable bias = variable(sd, parameters.get(layer + ".b").propagated().dup(), layer + ".b", variables);
            SDVariable convolved = sd.cnn.conv2d(activations, weights, bias, Conv2DConfig.builder().kH(5).kW(5)
                    .sH(1).sW(1).paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
            activations = sd.cnn.maxPooling2d(sd.nn.relu(convolved, 0), Pooling2DConfig.builder().kH(2).kW(2)
                    .sH(2).sW(2).paddingMode(PaddingMode.VALID).isNHWC(false).build());
            channels = filters;
        }
        activations = activations.reshape(batch, 64 * 7 * 7);
        for (String layer : List.of("hidden", "output")) {
            SDVariable w = variable(sd, parameters.get(layer + ".W").propagated().dup(), layer + ".W", variables);
            INDArray b = parameters.get(layer + ".b").propagated();
            SDVariable bias = variable(sd, b.dup().reshape(1, b.length()), layer + ".b", variables);
            SDVariable z = activations.mmul(w).add(bias);
            activations = layer.equals("output") ? z : sd.nn.relu(z, 0);
        }
        // log-softmax written out (SameDiff's logSoftmax along a dimension fails to differentiate in this ND4J); the
        // logits are of order 1 here, so exp needs no shift
        SDVariable logSoftmax = activations.sub(sd.math.log(sd.math.exp(activations).sum(true, 1)));
        SDVariable sdLoss = logSoftmax.mul(sd.constant("t", oneHot(network))).sum().div(-batch);
        sd.setLossVariables(sdLoss);

        assertEquals(sdLoss.eval().getDouble(0), loss, 1e-10, "forward loss");
        Map<String, INDArray> gradients = sd.calculateGradients(Map.of(), variables);
        List<String> failures = new ArrayList<>();
        double worst = 0;
        long compared = 0;
        for (String name : variables) {
            INDArray gradient = gradients.get(name);
            INDArray expected = (gradient.rank() == 4 ? gradient.permute(3, 2, 0, 1).dup() : gradient).reshape(-1);
            INDArray actual = parameters.get(name).gradient().reshape(-1);
            assertEquals(expected.length(), actual.length(), name);
            for (long i = 0; i < expected.length(); i++) {
                double error = GeneratedGradientTest.relativeError(actual.getDouble(i), expected.getDouble(i));
                worst = Math.max(worst, error);
                compared++;
                if (error >= 1e-5) {
                    failures.add(name + "[" + i + "]: generated " + actual.getDouble(i) + ", SameDiff "
                            + expected.getDouble(i));
                }
            }
        }
        System.out.printf("seed network vs SameDiff: %d gradient entries, largest relative error %.3g%n", compared,
                worst);
        assertEquals(8, variables.size());
        assertTrue(failures.isEmpty(), failures.size() + " entries differ, the first:\n"
                + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    private static SDVariable variable(SameDiff sd, INDArray value, String name, List<String> variables) {
        variables.add(name);
        return sd.var(name, value);
    }

    private static INDArray oneHot(SeedCnnNetwork network) {
        int[] labels = network.labels();
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, labels.length, network.description().classes());
        for (int r = 0; r < labels.length; r++) {
            targets.putScalar(r, labels[r], 1.0);
        }
        return targets;
    }
}
