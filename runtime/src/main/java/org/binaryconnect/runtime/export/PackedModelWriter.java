package org.binaryconnect.runtime.export;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.binaryconnect.runtime.train.TrainableNetwork;

/** Writes a trained network in the packed model format, version 1 ({@code docs/packed-model-format.md}). */
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
     * Writes {@code model} to {@code file} through a temporary file in the same directory and an atomic rename: a
     * reader (or a jar being packaged) never sees half a model where a good one was.
     */
    public static void write(PackedModel model, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its owner-only permissions would carry over to the packed file.
        Path temporary = directory.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                write(model, out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Writes {@code model} to {@code out}, which stays open. */
    public static void write(PackedModel model, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        // The checksum covers every byte before it: computed below the buffer, written past it. The wrappers are
        // flushed, never closed, so the caller's stream stays open.
        DataOutputStream checked = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(out, crc),
                1 << 16));
        checked.write(PackedFormat.MAGIC);
        checked.writeShort(PackedFormat.VERSION);
        checked.writeUTF(model.name());
        checked.writeUTF(model.fingerprint());
        checked.writeInt(model.inputSize());
        checked.writeInt(model.classes());
        checked.writeInt(model.layers().size());
        for (PackedLayer layer : model.layers()) {
            writeLayer(checked, layer);
        }
        checked.flush();
        DataOutputStream plain = new DataOutputStream(out);
        plain.writeLong(crc.getValue());
        plain.flush();
    }

    private static void writeLayer(DataOutputStream out, PackedLayer layer) throws IOException {
        out.writeByte(layer.binary() ? PackedFormat.KIND_BINARY : PackedFormat.KIND_FULL_PRECISION);
        out.writeInt(layer.inputs());
        out.writeInt(layer.units());
        out.writeByte(layer.activationCode());
        out.writeFloat(layer.binary() ? layer.h() : 1f);
        if (layer.binary()) {
            for (long word : layer.bits()) {
                out.writeLong(word);
            }
        } else {
            for (float weight : layer.weights()) {
                out.writeFloat(weight);
            }
        }
        for (float value : layer.scale()) {
            out.writeFloat(value);
        }
        for (float value : layer.shift()) {
            out.writeFloat(value);
        }
    }
}
