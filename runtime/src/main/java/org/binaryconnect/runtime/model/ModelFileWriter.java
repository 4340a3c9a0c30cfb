package org.binaryconnect.runtime.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.inference.PackedModelFormat;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.io.FaultInjection;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.nn.Buf;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a model file (see {@link ModelFormat}) through {@link AtomicFiles}, so that a crash or a full disk never
 * leaves a half-written model where a good one was. The fault injection points of the reliability tests sit in the
 * content: every chunk written, and the whole file before it is forced and renamed.
 */
final class ModelFileWriter {

    private final WritableByteChannel channel;
    private final String fileName;
    private final ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
    private final CRC32 crc = new CRC32();
    private long written;

    private ModelFileWriter(WritableByteChannel channel, String fileName) {
        this.channel = channel;
        this.fileName = fileName;
    }

    static void write(Path file, ModelHeader header, List<NamedArray> state) throws IOException {
        write(file, StateFileKind.MODEL, header, null, state);
    }

    /** @param metadata the checkpoint's metadata text; null for a model */
    static void write(Path file, StateFileKind kind, ModelHeader header, String metadata, List<NamedArray> arrays)
            throws IOException {
        checkMetadata(kind, metadata);
        String fileName = file.getFileName().toString();
        AtomicFiles.writeChannel(file, channel -> {
            new ModelFileWriter(channel, fileName).writeContent(kind, header, metadata, arrays);
        });
    }

    /**
     * The bytes {@link #write(Path, StateFileKind, ModelHeader, String, List)} would write, in memory: what a
     * training state shipped between JVMs consists of ({@link StateSnapshot}).
     */
    static byte[] toBytes(StateFileKind kind, ModelHeader header, String metadata, List<NamedArray> arrays) {
        checkMetadata(kind, metadata);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            // no file name: no fault injection point matches
            new ModelFileWriter(Channels.newChannel(bytes), "").writeContent(kind, header, metadata, arrays);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void checkMetadata(StateFileKind kind, String metadata) {
        if (kind.hasMetadata() != (metadata != null)) {
            throw new IllegalArgumentException(kind + (kind.hasMetadata() ? " needs" : " has no") + " metadata");
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
        putPipeline(header.pipeline());
        room(4).putInt(header.classNames().size());
        for (String name : header.classNames()) {
            putString(name, ModelFormat.MAX_STRING);
        }
        room(4).putInt(state.size());
        for (NamedArray named : state) {
            putArray(named);
        }
        flushChunk();
        ByteBuffer checksum = ByteBuffer.allocate(4).putInt((int) crc.getValue()).flip();
        writeFully(checksum);
    }

    private void putPipeline(InputPipeline pipeline) throws IOException {
        room(12).putFloat(pipeline.low()).putFloat(pipeline.high()).putInt(pipeline.features());
        room(1).put((byte) ((pipeline.contrastNormalization() ? PackedModelFormat.STEP_CONTRAST_NORMALIZATION : 0)
                | (pipeline.centering() ? PackedModelFormat.STEP_CENTERING : 0)
                | (pipeline.whitening() ? PackedModelFormat.STEP_WHITENING : 0)));
        if (pipeline.contrastNormalization()) {
            room(8).putDouble(pipeline.contrastScale());
        }
        for (float mean : pipeline.centeringMeans()) {
            room(4).putFloat(mean);
        }
        for (double mean : pipeline.whiteningMean()) {
            room(8).putDouble(mean);
        }
        for (float value : pipeline.whiteningMatrix()) {
            room(4).putFloat(value);
        }
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
