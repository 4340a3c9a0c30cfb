package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.nn.ActivationKernels;
import org.binaryconnect.runtime.nn.BatchNormKernels;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.DenseKernels;
import org.binaryconnect.runtime.nn.Gemm;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The packed model predicts what the trained network predicts with {@code EvaluationWeights.BINARY}: the oracle is
 * the runtime's own inference kernels, called in single precision as a generated {@code predict()} calls them.
 */
class RuntimeKernelsAgreementTest {

    private static final int BATCH = 40;

    @Test
    void foldedModelMatchesTheGeneratedInferencePath() {
        FixedStateNetwork network = ExportNetworks.deep(23);
        PackedModel model = PackedModel.of(network);
        Random random = new Random(29);
        float[][] features = new float[BATCH][];
        INDArray x = Nd4j.create(DataType.FLOAT, BATCH, 100);
        for (int s = 0; s < BATCH; s++) {
            features[s] = ExportNetworks.features(random, 100);
            for (int i = 0; i < 100; i++) {
                x.putScalar(s, i, features[s][i]);
            }
        }

        INDArray scores = predict(network, x);

        for (int s = 0; s < BATCH; s++) {
            float[] folded = ReferenceEvaluation.folded(model, features[s]);
            for (int k = 0; k < folded.length; k++) {
                double expected = scores.getDouble(s, k);
                assertEquals(expected, folded[k], 1e-4 * Math.max(1, Math.abs(expected)),
                        "sample " + s + " class " + k);
            }
        }
    }

    /** Binarized weights, product, bias, batch norm on running statistics, activation: layer by layer. */
    private static INDArray predict(FixedStateNetwork network, INDArray input) {
        INDArray x = input;
        for (LayerDescription layer : network.description().layers()) {
            String name = layer.name();
            INDArray w = network.array(name + ".W");
            INDArray propagated = w;
            if (layer.binary()) {
                propagated = w.ulike();
                Binarize.deterministic(w, propagated, layer.h());
            }
            INDArray z = Nd4j.create(DataType.FLOAT, BATCH, layer.units());
            Gemm.multiply(x, false, propagated, false, z);
            DenseKernels.addBias(z, network.array(name + ".b"));
            INDArray out = z;
            if (layer.batchNorm()) {
                out = z.ulike();
                BatchNormKernels.forwardInference(z, network.array(name + ".gamma"), network.array(name + ".beta"),
                        network.array(name + ".runningMean"), network.array(name + ".runningStd"), out,
                        layer.batchNormEpsilon());
            }
            if (layer.activation() == Nonlinearity.RELU) {
                ActivationKernels.relu(out, out);
            }
            x = out;
        }
        return x;
    }
}
