package org.binaryconnect.processor;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.binaryconnect.dsl.Padding;

/**
 * The network fingerprint, computed at compile time exactly as the runtime's {@code NetworkDescription.fingerprint()}
 * computes it from the generated description, so that a generated inference class knows which trained networks it
 * may load without depending on the runtime.
 *
 * <p>It hashes a canonical binary encoding of the structure, never display text, so that rewording a summary leaves
 * every trained model loadable: the input shape, the classes, the binarization, and per layer its name, kind,
 * sizes, convolution and pool geometry, binary magnitude H, batch norm epsilon, activation and dropout. Settings that
 * only steer training (W_LR_scale, the batch norm momentum) do not change what the trained state means and are left
 * out. The runtime's encoding must stay byte for byte this one ({@code InferenceFingerprintTest}).
 */
final class Fingerprint {

    /** Starts the encoding: a different layout gets a different tag, so it can never collide with this one. */
    static final String ENCODING = "binaryconnect-structure-1";

    private Fingerprint() {
    }

    static String of(NetworkModel model) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(structure(model));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static byte[] structure(NetworkModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(ENCODING);
            out.writeInt(model.inputShape().size());
            for (int dimension : model.inputShape()) {
                out.writeInt(dimension);
            }
            out.writeInt(model.classes());
            out.writeUTF(model.binarization().name());
            out.writeInt(model.layers().size());
            for (LayerModel layer : model.layers()) {
                layer(out, layer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void layer(DataOutputStream out, LayerModel layer) throws IOException {
        out.writeUTF(layer.name());
        out.writeInt(layer.inputs());
        out.writeInt(layer.units());
        out.writeBoolean(layer.isConv());
        if (layer.isConv()) {
            conv(out, layer.conv().orElseThrow());
        }
        out.writeBoolean(layer.binary());
        // the H a full-precision layer's description carries is 1, whatever the spec computed
        out.writeDouble(layer.binary() ? layer.h() : 1.0);
        out.writeBoolean(layer.batchNorm().isPresent());
        out.writeDouble(layer.batchNorm().map(BatchNormModel::epsilon).orElse(Double.NaN));
        out.writeUTF(layer.activation().name());
        out.writeDouble(layer.dropout());
    }

    /** The runtime's {@code ConvShape} and {@code PoolShape} fields: padding as the rows and columns it adds. */
    private static void conv(DataOutputStream out, ConvModel conv) throws IOException {
        for (int value : new int[] {conv.channels(), conv.height(), conv.width(), conv.filters(), conv.kernel(),
                conv.stride(), padding(conv.height(), conv.outHeight(), conv), padding(conv.width(), conv.outWidth(),
                conv), conv.outHeight(), conv.outWidth()}) {
            out.writeInt(value);
        }
        out.writeBoolean(conv.pool().isPresent());
        if (conv.pool().isPresent()) {
            ConvModel.PoolModel pool = conv.pool().orElseThrow();
            for (int value : new int[] {pool.size(), pool.stride(), pool.outHeight(), pool.outWidth()}) {
                out.writeInt(value);
            }
        }
    }

    /** The zero rows (or columns) before the input, as the runtime's {@code ConvShape.of} computes them. */
    private static int padding(int size, int out, ConvModel conv) {
        return conv.padding() == Padding.SAME ? Math.max((out - 1) * conv.stride() + conv.kernel() - size, 0) / 2 : 0;
    }
}
