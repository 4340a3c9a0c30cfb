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
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.inference.PackedModelFormat;

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
                    + (kind == StateFileKind.CHECKPOINT
                            ? ": " + kind.remedy() + " (or use the BinaryConnect version that wrote it)."
                            : ": use the BinaryConnect version that wrote it, or train again."));
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
        InputPipeline pipeline = pipeline(buffer);
        int names = buffer.getInt();
        if (names < 0 || names > buffer.remaining() / 4) {
            throw damaged("is damaged: it declares " + names + " class names");
        }
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < names; k++) {
            classNames.add(string(buffer, ModelFormat.MAX_STRING));
        }
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
        return new Contents(new ModelHeader(version, networkName, fingerprint, epoch, pipeline, classNames), metadata,
                List.copyOf(arrays),
                buffer.asReadOnlyBuffer());
    }

    private InputPipeline pipeline(ByteBuffer buffer) {
        float low = buffer.getFloat();
        float high = buffer.getFloat();
        int features = buffer.getInt();
        int steps = buffer.get() & 0xff;
        int known = PackedModelFormat.STEP_CONTRAST_NORMALIZATION | PackedModelFormat.STEP_CENTERING
                | PackedModelFormat.STEP_WHITENING;
        if (!Float.isFinite(low) || !Float.isFinite(high) || features < 1 || features > buffer.remaining()
                || (steps & ~known) != 0) {
            throw damaged("is damaged: its input pipeline (bytes to [" + low + ", " + high + "], " + features
                    + " features, steps " + steps + ") does not read");
        }
        InputPipeline pipeline = InputPipeline.scaling(features, low, high);
        if ((steps & PackedModelFormat.STEP_CONTRAST_NORMALIZATION) != 0) {
            double scale = buffer.getDouble();
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw damaged("is damaged: its contrast normalisation scale is " + scale);
            }
            pipeline = pipeline.withContrastNormalization(scale);
        }
        if ((steps & PackedModelFormat.STEP_CENTERING) != 0) {
            float[] means = new float[features];
            buffer.asFloatBuffer().get(means);
            buffer.position(buffer.position() + 4 * features);
            pipeline = pipeline.withCentering(means);
        }
        if ((steps & PackedModelFormat.STEP_WHITENING) != 0) {
            double[] mean = new double[features];
            buffer.asDoubleBuffer().get(mean);
            buffer.position(buffer.position() + 8 * features);
            if ((long) features * features > buffer.remaining() / 4) {
                throw damaged("is damaged: it declares a whitening matrix of " + features + " x " + features
                        + " values, more than the file holds");
            }
            float[] matrix = new float[features * features];
            buffer.asFloatBuffer().get(matrix);
            buffer.position(buffer.position() + 4 * matrix.length);
            pipeline = pipeline.withWhitening(mean, matrix);
        }
        return pipeline;
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
