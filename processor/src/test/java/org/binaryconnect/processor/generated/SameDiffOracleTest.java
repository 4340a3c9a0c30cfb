package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.processor.specs.ThreeLayerNetNetwork;
import org.binaryconnect.runtime.optim.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An independent oracle for the whole generated backward pass: the same three-layer network, with the same
 * binary weights, written as a SameDiff graph and differentiated by ND4J's autodiff.
 */
class SameDiffOracleTest {

    private static final double EPSILON = 1e-4;

    @Test
    void generatedBackwardPassMatchesSameDiffAutodiff() {
        ThreeLayerNetNetwork network = new ThreeLayerNetNetwork(DataType.DOUBLE, 3);
        Batches.fillRandom(network, 404);
        network.prepareTrainingStep();
        double loss = network.forwardBackward();

        Map<String, Parameter> parameters = new HashMap<>();
        network.parameters().forEach(p -> parameters.put(p.name(), p));
        SameDiff sd = SameDiff.create();
        SDVariable activations = sd.constant("x", network.input().dup());
        List<String> variables = new ArrayList<>();
        for (String layer : List.of("hidden1", "hidden2", "output")) {
            SDVariable w = variable(sd, parameters.get(layer + ".W").propagated(), layer + ".W", variables);
            SDVariable b = variable(sd, row(parameters.get(layer + ".b").propagated()), layer + ".b", variables);
            SDVariable gamma = variable(sd, row(parameters.get(layer + ".gamma").propagated()), layer + ".gamma",
                    variables);
            SDVariable beta = variable(sd, row(parameters.get(layer + ".beta").propagated()), layer + ".beta",
                    variables);
            SDVariable z = activations.mmul(w).add(b);
            SDVariable centered = z.sub(z.mean(true, 0));
            SDVariable std = sd.math.sqrt(centered.mul(centered).mean(true, 0));
            SDVariable normalized = centered.div(std.add(EPSILON)).mul(gamma).add(beta);
            activations = layer.equals("output") ? normalized : sd.nn.relu(normalized, 0);
        }
        SDVariable margin = sd.nn.relu(activations.mul(sd.constant("t", hingeTargets(network))).rsub(1.0), 0);
        SDVariable sdLoss = margin.mul(margin).mean();
        sd.setLossVariables(sdLoss);

        assertEquals(sdLoss.eval().getDouble(0), loss, 1e-12, "forward loss");
        Map<String, INDArray> gradients = sd.calculateGradients(Map.of(), variables);
        List<String> failures = new ArrayList<>();
        for (String name : variables) {
            INDArray expected = gradients.get(name).reshape(-1);
            INDArray actual = parameters.get(name).gradient().reshape(-1);
            for (long i = 0; i < expected.length(); i++) {
                double error = GeneratedGradientTest.relativeError(actual.getDouble(i), expected.getDouble(i));
                if (error >= 1e-5) {
                    failures.add(name + "[" + i + "]: generated " + actual.getDouble(i) + ", SameDiff "
                            + expected.getDouble(i));
                }
            }
        }
        assertEquals(12, variables.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static SDVariable variable(SameDiff sd, INDArray value, String name, List<String> variables) {
        variables.add(name);
        return sd.var(name, value.dup());
    }

    private static INDArray row(INDArray vector) {
        return vector.reshape(1, vector.length());
    }

    private static INDArray hingeTargets(ThreeLayerNetNetwork network) {
        int[] labels = network.labels();
        int classes = network.description().classes();
        INDArray targets = Nd4j.zeros(DataType.DOUBLE, labels.length, classes).subi(1);
        for (int r = 0; r < labels.length; r++) {
            targets.putScalar(r, labels[r], 1.0);
        }
        return targets;
    }
}
