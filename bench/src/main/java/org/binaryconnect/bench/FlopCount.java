package org.binaryconnect.bench;

import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.optim.Parameter;
import org.binaryconnect.runtime.train.TrainableNetwork;

/**
 * FLOPs of one training sample, counting only the dense layers' matrix products: they are what a GEMM-bound
 * limit can be stated for, and they dominate (batch norm, activations, binarization and the optimizer are
 * linear in the number of units or weights, not in batch x weights).
 *
 * <p>Per dense layer l with an {@code in_l x out_l} weight matrix:
 * forward {@code X W}: 2 in_l out_l; weight gradient {@code X^T dZ}: 2 in_l out_l; input gradient
 * {@code dZ W^T}: 2 in_l out_l, except for the first layer, since nothing needs the gradient of the input.
 */
final class FlopCount {

    static final String FORMULA = "flops_per_sample = sum_l 2*in_l*out_l (forward X*W) + sum_l 2*in_l*out_l "
            + "(weight gradient X^T*dZ) + sum_{l>1} 2*in_l*out_l (input gradient dZ*W^T; none for the first layer)";

    private FlopCount() {
    }

    /** Forward FLOPs per sample. */
    static long forward(List<DenseShape> layers) {
        return layers.stream().mapToLong(DenseShape::flops).sum();
    }

    /** Backward FLOPs per sample: every weight gradient, and every input gradient but the first layer's. */
    static long backward(List<DenseShape> layers) {
        long weightGradients = forward(layers);
        long inputGradients = layers.stream().skip(1).mapToLong(DenseShape::flops).sum();
        return weightGradients + inputGradients;
    }

    /** Forward plus backward FLOPs per training sample, as {@link #FORMULA} states. */
    static long perTrainingSample(List<DenseShape> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no dense layers");
        }
        return forward(layers) + backward(layers);
    }

    /**
     * The dense layers of {@code network}, in order: its parameters of rank 2 are exactly the weight matrices
     * ({@code [in, out]}); biases and batch-norm parameters are vectors.
     */
    static List<DenseShape> denseShapes(TrainableNetwork network) {
        List<DenseShape> shapes = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            long[] shape = parameter.value().shape();
            if (shape.length == 2) {
                shapes.add(new DenseShape(Math.toIntExact(shape[0]), Math.toIntExact(shape[1])));
            }
        }
        return List.copyOf(shapes);
    }
}
