package org.binaryconnect.bench;

import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.optim.Parameter;

/**
 * FLOPs of one training sample, counting only the layers' matrix products: they are what a GEMM-bound limit can be
 * stated for, and they dominate (batch norm, activations, pooling, im2col, binarization and the optimizer are
 * linear in the number of units or weights, not in batch x weights).
 *
 * <p>Per layer l with an {@code in_l x out_l} weight matrix applied at {@code p_l} positions (1 for a dense layer):
 * forward {@code X W}: 2 in_l out_l p_l; weight gradient: the same; input gradient: the same, except for the
 * first layer, since nothing needs the gradient of the input.
 */
final class FlopCount {

    static final String FORMULA = "flops_per_sample = sum_l 2*in_l*out_l*p_l (forward X*W) + sum_l 2*in_l*out_l*p_l "
            + "(weight gradient) + sum_{l>1} 2*in_l*out_l*p_l (input gradient; none for the first layer), p_l the "
            + "output positions of a convolution (im2col) and 1 for a dense layer";

    private FlopCount() {
    }

    /** Forward FLOPs per sample. */
    static long forward(List<LayerShape> layers) {
        return layers.stream().mapToLong(LayerShape::flops).sum();
    }

    /** Backward FLOPs per sample: every weight gradient, and every input gradient but the first layer's. */
    static long backward(List<LayerShape> layers) {
        long weightGradients = forward(layers);
        long inputGradients = layers.stream().skip(1).mapToLong(LayerShape::flops).sum();
        return weightGradients + inputGradients;
    }

    /** Forward plus backward FLOPs per training sample, as {@link #FORMULA} states. */
    static long perTrainingSample(List<LayerShape> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layers");
        }
        return forward(layers) + backward(layers);
    }

    /**
     * The layers of a dense {@code network}, in order: its parameters of rank 2 are exactly the weight matrices
     * ({@code [in, out]}); biases and batch-norm parameters are vectors. (A convolution's weights are rank 2 too,
     * but say nothing of its positions: convolutional benchmarks declare their shapes.)
     */
    static List<LayerShape> denseShapes(TrainableNetwork network) {
        List<LayerShape> shapes = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            long[] shape = parameter.value().shape();
            if (shape.length == 2) {
                shapes.add(LayerShape.dense(Math.toIntExact(shape[0]), Math.toIntExact(shape[1])));
            }
        }
        return List.copyOf(shapes);
    }
}
