package org.binaryconnect.runtime.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;

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
     * model file records it, so that weights are never loaded into a network they were not trained for.
     */
    public String fingerprint() {
        String structure = String.join("\n", inputShape.toString(), String.valueOf(classes), binarization.name(),
                layers.stream().map(LayerDescription::summary).collect(Collectors.joining("\n")));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(structure.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
