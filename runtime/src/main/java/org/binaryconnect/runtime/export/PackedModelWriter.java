package org.binaryconnect.runtime.export;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.inference.PackedModelFormat;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

/** Writes a trained network in the packed model format, version 4 ({@code docs/packed-model-format.md}). */
public final class PackedModelWriter {

    private PackedModelWriter() {
    }

    /** Packs {@code network}'s state and writes it to {@code out}, which stays open. */
    public static void write(TrainableNetwork network, OutputStream out) throws IOException {
        write(PackedModel.of(network), out);
    }

    /** Packs {@code network}'s state and writes it to {@code file} atomically. */
    public static void write(TrainableNetwork network, Path file) throws IOException {
        write(PackedModel.of(network), file);
    }

    /**
     * Writes {@code model} to {@code file} through {@link AtomicFiles}: a reader (or a jar being packaged) never sees
     * half a model where a good one was.
     */
    public static void write(PackedModel model, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(model, out));
    }

    /** Writes {@code model} to {@code out}, which stays open. */
    public static void write(PackedModel model, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        // The checksum covers every byte before it: computed below the buffer, written past it. The wrappers are
        // flushed, never closed, so the caller's stream stays open.
        DataOutputStream checked = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(out, crc),
                1 << 16));
        checked.writeInt(PackedFormat.MAGIC);
        checked.writeShort(PackedFormat.VERSION);
        checked.writeUTF(model.name());
        checked.writeUTF(model.fingerprint());
        checked.writeInt(model.inputSize());
        checked.writeInt(model.classes());
        checked.writeInt(model.layers().size());
        writePipeline(checked, model.pipeline());
        checked.writeInt(model.classNames().size());
        for (String name : model.classNames()) {
            checked.writeUTF(name);
        }
        for (PackedLayer layer : model.layers()) {
            writeLayer(checked, layer);
        }
        checked.flush();
        DataOutputStream plain = new DataOutputStream(out);
        plain.writeLong(crc.getValue());
        plain.flush();
    }

    /** The input pipeline section, in the order of docs/packed-model-format.md. */
    private static void writePipeline(DataOutputStream out, InputPipeline pipeline) throws IOException {
        out.writeFloat(pipeline.low());
        out.writeFloat(pipeline.high());
        out.writeByte((pipeline.contrastNormalization() ? PackedModelFormat.STEP_CONTRAST_NORMALIZATION : 0)
                | (pipeline.centering() ? PackedModelFormat.STEP_CENTERING : 0)
                | (pipeline.whitening() ? PackedModelFormat.STEP_WHITENING : 0));
        if (pipeline.contrastNormalization()) {
            out.writeDouble(pipeline.contrastScale());
        }
        for (float mean : pipeline.centeringMeans()) {
            out.writeFloat(mean);
        }
        for (double mean : pipeline.whiteningMean()) {
            out.writeDouble(mean);
        }
        for (float value : pipeline.whiteningMatrix()) {
            out.writeFloat(value);
        }
    }

    private static void writeLayer(DataOutputStream out, PackedLayer layer) throws IOException {
        out.writeByte(layer.kind());
        if (layer.isConv()) {
            writeGeometry(out, layer.convolution().orElseThrow(), layer.pool());
        } else {
            out.writeInt(layer.inputs());
            out.writeInt(layer.units());
        }
        out.writeByte(layer.activationCode());
        out.writeFloat(layer.binary() ? layer.h() : 1f);
        if (layer.binary()) {
            // each unit's row of sign bits, byte-aligned: the little-endian bytes of its words, without the padding
            // bytes that only fill the last word
            int words = layer.words();
            int bytes = PackedFormat.bytesPerUnit(layer.inputs());
            long[] bits = layer.bits();
            for (int j = 0; j < layer.units(); j++) {
                for (int k = 0; k < bytes; k++) {
                    out.writeByte((int) (bits[j * words + k / 8] >>> (8 * (k % 8))));
                }
            }
        } else {
            for (float weight : layer.weights()) {
                out.writeFloat(weight);
            }
        }
        writeF24(out, layer.scale());
        writeF24(out, layer.shift());
    }

    /** A conv layer's 14 geometry fields, in the order of docs/packed-model-format.md; the pool's are 0 without one. */
    private static void writeGeometry(DataOutputStream out, ConvShape conv, Optional<PoolShape> pool)
            throws IOException {
        for (int value : new int[] {conv.channels(), conv.height(), conv.width(), conv.filters(), conv.kernel(),
                conv.stride(), conv.padTop(), conv.padLeft(), conv.outHeight(), conv.outWidth()}) {
            out.writeInt(value);
        }
        out.writeInt(pool.map(PoolShape::size).orElse(0));
        out.writeInt(pool.map(PoolShape::stride).orElse(0));
        out.writeInt(pool.map(PoolShape::outHeight).orElse(0));
        out.writeInt(pool.map(PoolShape::outWidth).orElse(0));
    }

    /** The high three bytes of each float32: {@link PackedModel} has already rounded the low byte away. */
    private static void writeF24(DataOutputStream out, float[] values) throws IOException {
        for (float value : values) {
            int bits = Float.floatToRawIntBits(value);
            if ((bits & 0xff) != 0) {
                throw new IllegalStateException("not rounded to f24: " + value);
            }
            out.writeByte(bits >>> 24);
            out.writeByte(bits >>> 16);
            out.writeByte(bits >>> 8);
        }
    }
}
