package org.binaryconnect.dsl.contract;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of a network's structure: a hash of everything that decides the shape and meaning of its trained
 * state (not of its schedule), which model files, checkpoints and packed models record so that weights are never
 * loaded into a network they were not trained for. Defined here once: the processor feeds it the spec's layers at
 * compile time, the runtime the generated description's, and both get the same bytes.
 *
 * <p>It hashes a canonical binary encoding, never display text, so rewording a layer's summary orphans no model:
 * the input shape, the classes, the binarization, and per layer its name, sizes, convolution and pool geometry, H
 * (of a binary layer), batch norm epsilon, activation and dropout.
 */
public final class StructureFingerprint {

    /** Starts the encoding: a different layout gets a different tag, so it can never collide with this one. */
    public static final String ENCODING = "binaryconnect-structure-1";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private int layersLeft;

    /** Starts a network of {@code layers} layers, which {@link #layer} then adds in order. */
    public StructureFingerprint(List<Integer> inputShape, int classes, String binarization, int layers) {
        write(() -> {
            out.writeUTF(ENCODING);
            out.writeInt(inputShape.size());
            for (int dimension : inputShape) {
                out.writeInt(dimension);
            }
            out.writeInt(classes);
            out.writeUTF(binarization);
            out.writeInt(layers);
        });
        this.layersLeft = layers;
    }

    /**
     * Adds the next layer.
     *
     * @param conv for a conv layer {@code channels, height, width, filters, kernel, stride, padTop, padLeft,
     *     outHeight, outWidth}; null for a dense layer
     * @param pool the max-pool after a conv layer: {@code size, stride, outHeight, outWidth}; null for none
     * @param h the binary magnitude; not part of the structure of a full-precision layer
     * @param epsilon batch norm's epsilon; not part of the structure without batch norm
     */
    public StructureFingerprint layer(String name, int inputs, int units, int[] conv, int[] pool, boolean binary,
            double h, boolean batchNorm, double epsilon, String activation, double dropout) {
        if (layersLeft-- <= 0) {
            throw new IllegalStateException("more layers than the network was started with");
        }
        write(() -> {
            out.writeUTF(name);
            out.writeInt(inputs);
            out.writeInt(units);
            out.writeBoolean(conv != null);
            if (conv != null) {
                writeInts(conv, 10);
                out.writeBoolean(pool != null);
                if (pool != null) {
                    writeInts(pool, 4);
                }
            }
            out.writeBoolean(binary);
            out.writeDouble(binary ? h : 1.0);
            out.writeBoolean(batchNorm);
            out.writeDouble(batchNorm ? epsilon : Double.NaN);
            out.writeUTF(activation);
            out.writeDouble(dropout);
        });
        return this;
    }

    /** The encoding, for tests that look at what is hashed. */
    public byte[] encoding() {
        if (layersLeft != 0) {
            throw new IllegalStateException(layersLeft + " layers are missing");
        }
        return bytes.toByteArray();
    }

    /** The first 16 bytes of the encoding's SHA-256, as 32 lower-case hex digits. */
    public String hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoding()), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void writeInts(int[] values, int expected) throws IOException {
        if (values.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " values, got " + values.length);
        }
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream does not fail", e);
        }
    }
}
