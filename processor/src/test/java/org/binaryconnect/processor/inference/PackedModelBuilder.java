package org.binaryconnect.processor.inference;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a packed model by hand, following docs/packed-model-format.md and nothing else, so that the generated
 * reader is checked against the document rather than against the exporter. Every header field can be overridden
 * to build the files a reader must reject.
 */
final class PackedModelBuilder {

    /** One layer's real-valued parameters, as the format's semantics define them. */
    record Layer(boolean binary, int inputs, int units, boolean relu, float h, float[][] weights, float[] scale,
            float[] shift) {
    }

    int magic = 0x4243504b;
    int version = 4;
    /** The input pipeline: bytes to [low, high], then centering on these means when not null. */
    float low = -1f;
    float high = 1f;
    float[] centering;
    List<String> classNames = List.of();
    String name;
    String fingerprint;
    int inputSize;
    int classes;
    final List<Layer> layers = new ArrayList<>();

    PackedModelBuilder(String name, String fingerprint, int inputSize, int classes) {
        this.name = name;
        this.fingerprint = fingerprint;
        this.inputSize = inputSize;
        this.classes = classes;
    }

    PackedModelBuilder layer(Layer layer) {
        layers.add(layer);
        return this;
    }

    byte[] bytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(magic);
            out.writeShort(version);
            out.writeUTF(name);
            out.writeUTF(fingerprint);
            out.writeInt(inputSize);
            out.writeInt(classes);
            out.writeInt(layers.size());
            out.writeFloat(low);
            out.writeFloat(high);
            out.writeByte(centering == null ? 0 : 2);
            if (centering != null) {
                for (float mean : centering) {
                    out.writeFloat(mean);
                }
            }
            out.writeInt(classNames.size());
            for (String className : classNames) {
                out.writeUTF(className);
            }
            for (Layer layer : layers) {
                out.writeByte(layer.binary() ? 1 : 2);
                out.writeInt(layer.inputs());
                out.writeInt(layer.units());
                out.writeByte(layer.relu() ? 1 : 0);
                out.writeFloat(layer.binary() ? layer.h() : 1f);
                for (int j = 0; j < layer.units(); j++) {
                    if (layer.binary()) {
                        out.write(signBytes(layer.weights(), j));
                    } else {
                        for (int i = 0; i < layer.inputs(); i++) {
                            out.writeFloat(layer.weights()[i][j]);
                        }
                    }
                }
                for (float value : layer.scale()) {
                    writeF24(out, value);
                }
                for (float value : layer.shift()) {
                    writeF24(out, value);
                }
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unit j's weights as the format packs them: bit i % 8 of byte i / 8 is 1 where W[i][j] >= 0. */
    private static byte[] signBytes(float[][] weights, int j) {
        byte[] bytes = new byte[(weights.length + 7) / 8];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i][j] >= 0) {
                bytes[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return bytes;
    }

    /** f24: the high three bytes of the float32, whose low byte the format rounds away to nearest, ties to even. */
    private static void writeF24(DataOutputStream out, float value) throws IOException {
        int bits = Float.floatToRawIntBits(f24(value));
        out.writeByte(bits >>> 24);
        out.writeByte(bits >>> 16);
        out.writeByte(bits >>> 8);
    }

    /** {@code value} as an f24 holds it. */
    static float f24(float value) {
        if (!Float.isFinite(value)) {
            // a NaN keeps a high mantissa bit, so it stays NaN in three bytes
            return value;
        }
        int bits = Float.floatToRawIntBits(value);
        int low = bits & 0xff;
        int kept = bits & 0xffffff00;
        boolean up = low > 0x80 || (low == 0x80 && (kept & 0x100) != 0);
        return Float.intBitsToFloat(up ? kept + 0x100 : kept);
    }

    /** The format's semantics computed directly: acc = sum_i s_ij x_i in double, then scale, shift, activation. */
    float[] referenceScores(float[] features) {
        double[] x = new double[features.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = features[i];
        }
        for (Layer layer : layers) {
            double[] y = new double[layer.units()];
            for (int j = 0; j < y.length; j++) {
                double acc = 0;
                for (int i = 0; i < layer.inputs(); i++) {
                    double weight = layer.binary() ? (layer.weights()[i][j] >= 0 ? 1 : -1) : layer.weights()[i][j];
                    acc += weight * x[i];
                }
                y[j] = f24(layer.scale()[j]) * acc + f24(layer.shift()[j]);
                if (layer.relu()) {
                    y[j] = Math.max(y[j], 0);
                }
            }
            x = y;
        }
        float[] scores = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            scores[k] = (float) x[k];
        }
        return scores;
    }
}
