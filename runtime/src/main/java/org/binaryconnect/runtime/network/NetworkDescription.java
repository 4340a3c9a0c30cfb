package org.binaryconnect.runtime.network;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
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

    /** Starts the fingerprint's encoding; the processor's {@code Fingerprint.ENCODING}. */
    static final String FINGERPRINT_ENCODING = "binaryconnect-structure-1";

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
     * the spec at compile time ({@code Fingerprint}) for the inference class.
     */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(structure());
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] structure() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FINGERPRINT_ENCODING);
            out.writeInt(inputShape.size());
            for (int dimension : inputShape) {
                out.writeInt(dimension);
            }
            out.writeInt(classes);
            out.writeUTF(binarization.name());
            out.writeInt(layers.size());
            for (LayerDescription layer : layers) {
                out.writeUTF(layer.name());
                out.writeInt(layer.inputs());
                out.writeInt(layer.units());
                out.writeBoolean(layer.isConv());
                if (layer.isConv()) {
                    ConvShape c = layer.convolution().orElseThrow();
                    for (int value : new int[] {c.channels(), c.height(), c.width(), c.filters(), c.kernel(),
                            c.stride(), c.padTop(), c.padLeft(), c.outHeight(), c.outWidth()}) {
                        out.writeInt(value);
                    }
                    out.writeBoolean(layer.pool().isPresent());
                    if (layer.pool().isPresent()) {
                        PoolShape p = layer.pool().orElseThrow();
                        for (int value : new int[] {p.size(), p.stride(), p.outHeight(), p.outWidth()}) {
                            out.writeInt(value);
                        }
                    }
                }
                out.writeBoolean(layer.binary());
                out.writeDouble(layer.binary() ? layer.h() : 1.0);
                out.writeBoolean(layer.batchNorm());
                out.writeDouble(layer.batchNorm() ? layer.batchNormEpsilon() : Double.NaN);
                out.writeUTF(layer.activation().name());
                out.writeDouble(layer.dropout());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
