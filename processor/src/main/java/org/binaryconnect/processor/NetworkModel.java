package org.binaryconnect.processor;

import java.util.List;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;

/**
 * A validated {@code @Network} declaration with every shape inferred: what the writers generate code from.
 *
 * @param packageName package of the spec class, where the generated classes go
 * @param specName simple name of the spec class (the network's name)
 * @param specQualifiedName fully qualified name of the spec class
 * @param evaluation resolved evaluation weights (never {@code AUTO})
 * @param layers layers in source order; the last one's units equal {@code classes}
 */
record NetworkModel(String packageName, String specName, String specQualifiedName, List<Integer> inputShape,
        int classes, Binarization binarization, Loss loss, EvaluationWeights evaluation, int evaluationSamples,
        OptimizerModel optimizer, TrainingModel training, List<LayerModel> layers) {

    NetworkModel {
        inputShape = List.copyOf(inputShape);
        layers = List.copyOf(layers);
    }

    int inputSize() {
        return inputShape.stream().reduce(1, (a, b) -> a * b);
    }

    String trainingClassName() {
        return specName + "Network";
    }

    LayerModel outputLayer() {
        return layers.get(layers.size() - 1);
    }

    boolean hasConvLayers() {
        return layers.stream().anyMatch(LayerModel::isConv);
    }

    boolean hasBinaryLayers() {
        return layers.stream().anyMatch(LayerModel::binary);
    }
}
