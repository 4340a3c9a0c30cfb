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

    /** A checked file: its header, its metadata (null for a model), its arrays and the bytes they point into. */
    record Contents(ModelHeader header, String metadata, List<StoredArray> arrays, ByteBuffer bytes) {
    }

    // null when reading bytes already in memory
    private final Path file;
    // what messages call the file or bytes
    private final String source;
    private final StateFileKind kind;

    private ModelFileReader(Path file, String source, StateFileKind kind) {
        this.file = file;
        this.source = source;
        this.kind = kind;
    }

    static Contents read(Path file) throws IOException {
        return read(file, StateFileKind.MODEL);
    }

    static Contents read(Path file, StateFileKind kind) throws IOException {
        ModelFileReader reader = new ModelFileReader(file, file.toString(), kind);
        return reader.read(reader.readBytes());
    }

    /** Reads and checks bytes in memory; {@code source} names them in messages. */
    static Contents read(byte[] bytes, String source, StateFileKind kind) {
        return new ModelFileReader(null, source, kind).read(bytes);
    }

    private Contents read(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] magic = kind.magic();
        if (bytes.length < ModelFormat.MIN_LENGTH || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
            throw damaged("is not a BinaryConnect " + kind.label().toLowerCase(java.util.Locale.ROOT)
                    + " (it does not start with the magic bytes of one)");
        }
        buffer.position(magic.length);
        int version = buffer.getInt();
        if (version != ModelFormat.VERSION) {
            throw new ModelFileException(kind.label() + " " + source + " has format version " + version
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
            throw new ModelFileException(kind.label() + " " + file + " does not exist: train the network first, or "
                    + "give the path of its " + (kind == StateFileKind.MODEL ? "model.bin." : "checkpoint."));
        }
    }

    private Contents parse(ByteBuffer buffer, int version) {
        String networkName = string(buffer, ModelFormat.MAX_STRING);
        String fingerprint = string(buffer, ModelFormat.MAX_STRING);
        int epoch = buffer.getInt();
        String metadata = kind.hasMetadata() ? string(buffer, ModelFormat.MAX_METADATA) : null;
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
        return new Contents(new ModelHeader(version, networkName, fingerprint, epoch), metadata, List.copyOf(arrays),
                buffer.asReadOnlyBuffer());
    }

    private StoredArray array(ByteBuffer buffer) {
        String name = string(buffer, ModelFormat.MAX_STRING);
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

    private String string(ByteBuffer buffer, int maxBytes) {
        int length = buffer.getInt();
        if (length < 0 || length > maxBytes || length > buffer.remaining()) {
            throw damaged("is damaged: it declares a name of " + length + " bytes");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private ModelFileException damaged(String problem) {
        return new ModelFileException(kind.label() + " " + source + " " + problem + ": " + kind.remedy() + ".");
    }
}
