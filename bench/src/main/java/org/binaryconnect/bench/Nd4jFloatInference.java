package org.binaryconnect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The float baseline the generated inference is measured against: the same network in float32 with ND4J, written
 * as an ND4J user would (matrix product, batch norm folded into a per-unit scale and shift, in-place ReLU), with
 * every array allocated once for the batch size.
 */
final class Nd4jFloatInference {

    private record Layer(INDArray weights, INDArray scale, INDArray shift, boolean relu, INDArray output) {
    }

    private final INDArray input;
    private final List<Layer> layers = new ArrayList<>();

    Nd4jFloatInference(TrainableNetwork network, int batchSize) {
        Map<String, INDArray> state = network.state().stream()
                .collect(Collectors.toMap(NamedArray::name, NamedArray::array));
        input = Nd4j.zeros(DataType.FLOAT, batchSize, network.description().inputSize());
        for (LayerDescription layer : network.description().layers()) {
            INDArray bias = state.get(layer.name() + ".b").castTo(DataType.FLOAT);
            INDArray scale = Nd4j.ones(DataType.FLOAT, 1, layer.units());
            INDArray shift = bias.reshape(1, layer.units()).dup();
            if (layer.batchNorm()) {
                INDArray gamma = state.get(layer.name() + ".gamma").reshape(1, layer.units());
                INDArray beta = state.get(layer.name() + ".beta").reshape(1, layer.units());
                INDArray mean = state.get(layer.name() + ".runningMean").reshape(1, layer.units());
                INDArray std = state.get(layer.name() + ".runningStd").reshape(1, layer.units());
                scale = gamma.div(std.add(layer.batchNormEpsilon()));
                shift = shift.sub(mean).muli(scale).addi(beta);
            }
            layers.add(new Layer(state.get(layer.name() + ".W").castTo(DataType.FLOAT).dup('c'), scale, shift,
                    layer.activation() == Nonlinearity.RELU,
                    Nd4j.zeros(DataType.FLOAT, batchSize, layer.units())));
        }
    }

    /** Scores of {@code rows} samples, each a row of {@code features}. */
    INDArray scores(float[][] features) {
        for (int r = 0; r < features.length; r++) {
            input.data().asNioFloat().put(r * features[r].length, features[r]);
        }
        INDArray x = input;
        for (Layer layer : layers) {
            Nd4j.gemm(x, layer.weights(), layer.output(), false, false, 1.0, 0.0);
            layer.output().muliRowVector(layer.scale()).addiRowVector(layer.shift());
            if (layer.relu()) {
                Transforms.relu(layer.output(), false);
            }
            x = layer.output();
        }
        return x;
    }
}
