package org.binaryconnect.runtime.model;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads and checks a model file (see {@link ModelFormat}): magic, version and checksum first, then its structure,
 * with every declared length checked against the bytes present so that damage reads as damage, never as a
 * huge allocation.
 */
final class ModelFileReader {

    /** One array as the file describes it; its elements start at {@code dataOffset} of the file's bytes. */
    record StoredArray(String name, byte dtype, long[] shape, int dataOffset) {

        long elementCount() {
            long count = 1;
            for (long dimension : shape) {
                count *= dimension;
            }
            return count;
        }

        String shapeText() {
            return Arrays.toString(shape);
        }
    }

    /** A checked file: its header, its arrays and the bytes they point into. */
    record Contents(ModelHeader header, List<StoredArray> arrays, ByteBuffer bytes) {
    }

    private final Path file;

    private ModelFileReader(Path file) {
        this.file = file;
    }

    static Contents read(Path file) throws IOException {
        return new ModelFileReader(file).read();
    }

    private Contents read() throws IOException {
        byte[] bytes = readBytes();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < ModelFormat.MIN_LENGTH
                || !Arrays.equals(bytes, 0, ModelFormat.MAGIC.length, ModelFormat.MAGIC, 0, ModelFormat.MAGIC.length)) {
            throw damaged("is not a BinaryConnect model file (it does not start with the model file's magic bytes)");
        }
        buffer.position(ModelFormat.MAGIC.length);
        int version = buffer.getInt();
        if (version != ModelFormat.VERSION) {
            throw new ModelFileException("Model file " + file + " has format version " + version
                    + ", but this runtime reads version " + ModelFormat.VERSION
                    + ": use the BinaryConnect version that wrote it, or train again.");
        }
        int bodyLength = bytes.length - 4;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bodyLength);
        if ((int) crc.getValue() != buffer.getInt(bodyLength)) {
            throw damaged("is damaged: its checksum does not match its contents (the file is truncated or corrupted)");
        }
        buffer.limit(bodyLength);
        try {
            return parse(buffer, version);
        } catch (BufferUnderflowException e) {
            throw damaged("is damaged: it ends inside the data its header declares");
        }
    }

    private byte[] readBytes() throws IOException {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw damaged("is " + size + " bytes long, more than any model this runtime writes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("Model file " + file + " does not exist: train the network first, or "
                    + "give the path of its model.bin.");
        }
    }

    private Contents parse(ByteBuffer buffer, int version) {
        String networkName = string(buffer);
        String fingerprint = string(buffer);
        int epoch = buffer.getInt();
        int count = buffer.getInt();
        if (count < 0) {
            throw damaged("is damaged: it declares " + count + " arrays");
        }
        List<StoredArray> arrays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arrays.add(array(buffer));
        }
        if (buffer.hasRemaining()) {
            throw damaged("is damaged: " + buffer.remaining() + " bytes follow its last array");
        }
        return new Contents(new ModelHeader(version, networkName, fingerprint, epoch), List.copyOf(arrays),
                buffer.asReadOnlyBuffer());
    }

    private StoredArray array(ByteBuffer buffer) {
        String name = string(buffer);
        byte dtype = buffer.get();
        if (dtype != ModelFormat.FLOAT32 && dtype != ModelFormat.FLOAT64) {
            throw damaged("is damaged: array " + name + " has the unknown element type " + dtype);
        }
        int rank = buffer.get();
        if (rank < 0 || rank > ModelFormat.MAX_RANK) {
            throw damaged("is damaged: array " + name + " has rank " + rank);
        }
        long[] shape = new long[rank];
        long elements = 1;
        int elementSize = dtype == ModelFormat.FLOAT32 ? 4 : 8;
        for (int d = 0; d < rank; d++) {
            shape[d] = buffer.getLong();
            if (shape[d] < 0 || shape[d] > buffer.remaining()) {
                throw damaged("is damaged: array " + name + " declares dimension " + shape[d]);
            }
            // Both factors are below 2^31, so the product cannot overflow before this check stops it.
            elements *= shape[d];
            if (elements > buffer.remaining()) {
                throw damaged("is damaged: array " + name + " declares more elements than the file holds");
            }
        }
        StoredArray stored = new StoredArray(name, dtype, shape, buffer.position());
        long dataLength = stored.elementCount() * elementSize;
        if (dataLength > buffer.remaining()) {
            throw damaged("is damaged: array " + name + " declares shape " + stored.shapeText() + " but only "
                    + buffer.remaining() + " bytes follow");
        }
        buffer.position(buffer.position() + (int) dataLength);
        return stored;
    }

    private String string(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > ModelFormat.MAX_STRING || length > buffer.remaining()) {
            throw damaged("is damaged: it declares a name of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private ModelFileException damaged(String problem) {
        return new ModelFileException("Model file " + file + " " + problem + ": train again or restore it.");
    }
}
