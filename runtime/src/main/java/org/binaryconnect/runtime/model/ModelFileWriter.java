package org.binaryconnect.runtime.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.nn.Buf;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a model file (see {@link ModelFormat}) through a temporary file in the same directory and an atomic
 * rename, so that a crash or a full disk never leaves a half-written model where a good one was.
 */
final class ModelFileWriter {

    private final FileChannel channel;
    private final String fileName;
    private final ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
    private final CRC32 crc = new CRC32();
    private long written;

    private ModelFileWriter(FileChannel channel, String fileName) {
        this.channel = channel;
        this.fileName = fileName;
    }

    static void write(Path file, ModelHeader header, List<NamedArray> state) throws IOException {
        write(file, StateFileKind.MODEL, header, null, state);
    }

    /** @param metadata the checkpoint's metadata text; null for a model */
    static void write(Path file, StateFileKind kind, ModelHeader header, String metadata, List<NamedArray> arrays)
            throws IOException {
        if (kind.hasMetadata() != (metadata != null)) {
            throw new IllegalArgumentException(kind + (kind.hasMetadata() ? " needs" : " has no") + " metadata");
        }
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its owner-only permissions would carry over to the model file.
        Path temporary = directory.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                new ModelFileWriter(channel, file.getFileName().toString()).writeContent(kind, header, metadata, arrays);
                FaultInjection.beforeRename(file.getFileName().toString(), channel);
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceDirectory(directory);
    }

    /**
     * Makes the rename itself durable: until the directory's entry reaches the disk, a power cut could bring back
     * the old file (or none) although the new one was complete. Where a directory cannot be opened for this (not
     * on Linux), the rename is as durable as the file system makes it.
     */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file itself is complete and forced
        }
    }

    private void writeContent(StateFileKind kind, ModelHeader header, String metadata, List<NamedArray> state)
            throws IOException {
        room(8).put(kind.magic());
        room(4).putInt(header.formatVersion());
        putString(header.networkName(), ModelFormat.MAX_STRING);
        putString(header.fingerprint(), ModelFormat.MAX_STRING);
        room(4).putInt(header.epoch());
        if (metadata != null) {
            putString(metadata, ModelFormat.MAX_METADATA);
        }
        room(4).putInt(state.size());
        for (NamedArray named : state) {
            putArray(named);
        }
        flushChunk();
        ByteBuffer checksum = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
        writeFully(checksum);
    }

    private void putArray(NamedArray named) throws IOException {
        INDArray array = named.array();
        DataType type = array.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("state array " + named.name() + " is " + type
                    + "; model files hold FLOAT and DOUBLE arrays");
        }
        long[] shape = array.shape();
        putString(named.name(), ModelFormat.MAX_STRING);
        room(2).put(type == DataType.FLOAT ? ModelFormat.FLOAT32 : ModelFormat.FLOAT64).put((byte) shape.length);
        for (long dimension : shape) {
            room(8).putLong(dimension);
        }
        Buf data = Buf.of(contiguous(array));
        if (type == DataType.FLOAT) {
            for (int i = 0, n = data.length(); i < n; i++) {
                room(4).putFloat((float) data.get(i));
            }
        } else {
            for (int i = 0, n = data.length(); i < n; i++) {
                room(8).putDouble(data.get(i));
            }
        }
    }

    /** The array itself when its elements lie in C order one after the other, else a C-order copy. */
    static INDArray contiguous(INDArray array) {
        boolean dense = array.ordering() == 'c' && (array.length() <= 1 || array.elementWiseStride() == 1);
        return dense ? array : array.dup('c');
    }

    private void putString(String value, int maxBytes) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException("strings in model files are at most " + maxBytes + " bytes, got "
                    + bytes.length);
        }
        room(4).putInt(bytes.length);
        for (int offset = 0; offset < bytes.length; ) {
            int length = Math.min(chunk.capacity(), bytes.length - offset);
            room(length).put(bytes, offset, length);
            offset += length;
        }
    }

    private ByteBuffer room(int bytes) throws IOException {
        if (chunk.remaining() < bytes) {
            flushChunk();
        }
        return chunk;
    }

    private void flushChunk() throws IOException {
        chunk.flip();
        crc.update(chunk.array(), 0, chunk.limit());
        writeFully(chunk);
        chunk.clear();
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        FaultInjection.beforeWrite(fileName, written);
        while (buffer.hasRemaining()) {
            written += channel.write(buffer);
        }
    }
}
