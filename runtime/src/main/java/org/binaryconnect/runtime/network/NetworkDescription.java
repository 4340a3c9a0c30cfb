package org.binaryconnect.runtime.network;

import java.util.List;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.contract.StructureFingerprint;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

/**
 * What a generated network is, as declared: written by the processor into each generated class as a constant.
 *
 * @param name the spec class's simple name, used for output folders
 * @param specClass the fully qualified name of the {@code @Network} class
 * @param inputShape the declared shape of one sample
 * @param classes number of classes
 * @param batchSize the batch size the buffers were allocated for
 * @param evaluation the weights evaluation uses (never {@code AUTO}: the processor resolves it)
 * @param optimizer the optimizer and its settings, for reports
 * @param layers the layers in order
 */
public record NetworkDescription(String name, String specClass, List<Integer> inputShape, int classes, int batchSize,
        Binarization binarization, Loss loss, EvaluationWeights evaluation, int evaluationSamples, String optimizer,
        TrainingDefaults training, List<LayerDescription> layers) {

    public NetworkDescription {
        inputShape = List.copyOf(inputShape);
        layers = List.copyOf(layers);
    }

    /** Number of input features: the product of the input shape. */
    public int inputSize() {
        return inputShape.stream().reduce(1, (a, b) -> a * b);
    }

    /**
     * A hash of everything that decides the shape and meaning of the trained state (not of the schedule): a
     * model file records it, so that weights are never loaded into a network they were not trained for. It hashes a
     * canonical encoding of the structure, never the layers' summaries, so rewording a summary orphans no model:
     * the input shape, the classes, the binarization, and per layer its name, sizes, convolution and pool geometry,
     * H (of a binary layer), batch norm epsilon, activation and dropout. The processor computes the same bytes from
     * the spec at compile time for the inference class; both through {@link StructureFingerprint}.
     */
    public String fingerprint() {
        StructureFingerprint fingerprint = new StructureFingerprint(inputShape, classes, binarization.name(),
                layers.size());
        for (LayerDescription layer : layers) {
            ConvShape c = layer.convolution().orElse(null);
            PoolShape p = layer.pool().orElse(null);
            fingerprint.layer(layer.name(), layer.inputs(), layer.units(), c == null ? null : new int[] {c.channels(),
                c.height(), c.width(), c.filters(), c.kernel(), c.stride(), c.padTop(), c.padLeft(), c.outHeight(),
                c.outWidth()}, p == null ? null : new int[] {p.size(), p.stride(), p.outHeight(), p.outWidth()},
                    layer.binary(), layer.h(), layer.batchNorm(), layer.batchNormEpsilon(), layer.activation().name(),
                    layer.dropout());
        }
        return fingerprint.hex();
    }
}
