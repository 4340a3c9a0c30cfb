package org.binaryconnect.inference;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Reads the packed format ({@code docs/packed-model-format.md}) in order, checksumming every byte, and remembers
 * what it is reading so that a stream that ends early is reported by the section it ends in. A generated inference
 * class's constructor calls it field by field, checking every header and geometry value against the declared
 * network before anything is allocated from it.
 */
public final class PackedModelReader {

    /**
     * Reads a whole packed model into a network: a generated inference class's constructor.
     *
     * @param <T> the generated inference class
     */
    @FunctionalInterface
    public interface Factory<T> {
        /** Reads the model from {@code in}, header to checksum, and returns the network. */
        T read(PackedModelReader in) throws IOException;
    }

    private final CRC32 crc = new CRC32();

    private final DataInputStream data;

    private String section = "magic";

    private PackedModelReader(InputStream in) {
        data = new DataInputStream(new CheckedInputStream(new BufferedInputStream(in), crc));
    }

    /**
     * Reads a packed model from {@code in}, which must hold exactly one and nothing after it; reads it to its end
     * and leaves it open.
     *
     * @throws InvalidModelException if it is not a complete, intact packed model of the network {@code factory}
     *     reads
     */
    public static <T> T read(InputStream in, Factory<T> factory) throws IOException {
        PackedModelReader reader = new PackedModelReader(in);
        try {
            return factory.read(reader);
        } catch (EOFException e) {
            throw reader.truncated();
        }
    }

    /**
     * Reads the packed model {@code resource}, which {@code type} opened next to itself ({@code in}, null if it is
     * missing), and closes it. The generated class opens it itself, so that its module's encapsulation allows it.
     *
     * @throws FileNotFoundException if {@code in} is null: the resource is missing
     * @throws InvalidModelException if it is not a packed model of the network {@code factory} reads
     */
    public static <T> T readResource(InputStream in, String resource, Class<?> type, Factory<T> factory)
            throws IOException {
        if (in == null) {
            throw new FileNotFoundException("no packed model " + resource + " on the classpath next to "
                    + type.getName() + ": run mvn binaryconnect:export after training to create it");
        }
        try (InputStream opened = in) {
            return read(opened, factory);
        }
    }

    /** Reads the header and checks it is this network's: name, fingerprint, sizes. */
    public void header(String name, String fingerprint, int inputSize, int classes, int layers) throws IOException {
        section = "magic";
        int magic = data.readInt();
        if (magic != PackedModelFormat.MAGIC) {
            throw new InvalidModelException(String.format(
                    "not a packed BinaryConnect model: magic number 0x%08x, expected 0x%08x ('BCPK')", magic,
                    PackedModelFormat.MAGIC));
        }
        section = "format version";
        int version = data.readUnsignedShort();
        if (version != PackedModelFormat.FORMAT_VERSION) {
            throw new InvalidModelException("unsupported packed model format version " + version
                    + ": this class reads version " + PackedModelFormat.FORMAT_VERSION
                    + "; export the model with the BinaryConnect version that generated this class");
        }
        String foundName = readUtf("network name");
        if (!foundName.equals(name)) {
            throw new InvalidModelException("packed model is for network " + foundName + ", expected " + name);
        }
        String foundFingerprint = readUtf("fingerprint");
        if (!foundFingerprint.equals(fingerprint)) {
            throw new InvalidModelException("packed model of " + name + " has fingerprint " + foundFingerprint
                    + ", expected " + fingerprint
                    + ": it was trained for a different declaration of the network; train and export it again");
        }
        expect("input size", inputSize, readInt("input size"));
        expect("classes", classes, readInt("classes"));
        expect("layer count", layers, readInt("layer count"));
    }

    /**
     * Reads the input pipeline that follows the header: the byte scaling and the steps after it with their fitted
     * values ({@link PackedModelFormat}'s step flags), for samples of {@code inputSize} features.
     */
    public InputPipeline pipeline(int inputSize) throws IOException {
        section = "input pipeline";
        float low = data.readFloat();
        float high = data.readFloat();
        if (!Float.isFinite(low) || !Float.isFinite(high)) {
            throw new InvalidModelException("packed model's input pipeline scales bytes to [" + low + ", " + high
                    + "], which is not finite");
        }
        int steps = data.readUnsignedByte();
        int known = PackedModelFormat.STEP_CONTRAST_NORMALIZATION | PackedModelFormat.STEP_CENTERING
                | PackedModelFormat.STEP_WHITENING;
        if ((steps & ~known) != 0) {
            throw new InvalidModelException("packed model's input pipeline has the unknown steps " + steps);
        }
        InputPipeline pipeline = InputPipeline.scaling(inputSize, low, high);
        if ((steps & PackedModelFormat.STEP_CONTRAST_NORMALIZATION) != 0) {
            double scale = data.readDouble();
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new InvalidModelException("packed model's contrast normalisation scale is " + scale
                        + ", not a positive number");
            }
            pipeline = pipeline.withContrastNormalization(scale);
        }
        if ((steps & PackedModelFormat.STEP_CENTERING) != 0) {
            pipeline = pipeline.withCentering(floats(inputSize, "input pipeline centering means"));
        }
        if ((steps & PackedModelFormat.STEP_WHITENING) != 0) {
            double[] mean = doubles(inputSize, "input pipeline whitening mean");
            pipeline = pipeline.withWhitening(mean, floats(Math.multiplyExact(inputSize, inputSize),
                    "input pipeline whitening matrix"));
        }
        return pipeline;
    }

    /**
     * Reads the class names that follow the input pipeline: none, or one for each of {@code classes} classes.
     */
    public String[] classNames(int classes) throws IOException {
        int count = readInt("class name count");
        if (count != 0 && count != classes) {
            throw new InvalidModelException("packed model names " + count + " classes, expected 0 or " + classes);
        }
        String[] names = new String[count];
        for (int k = 0; k < count; k++) {
            names[k] = readUtf("class name " + k);
        }
        return names;
    }

    /**
     * Reads a dense layer's header and checks it is the declared layer ({@link PackedModelFormat}'s kind and
     * activation codes); H is folded into scale.
     */
    public void layer(String name, int kind, int inputs, int units, int activation) throws IOException {
        section = "layer " + name + " header";
        int foundKind = data.readUnsignedByte();
        int foundInputs = data.readInt();
        int foundUnits = data.readInt();
        int foundActivation = data.readUnsignedByte();
        data.readFloat();
        if (foundKind != kind || foundInputs != inputs || foundUnits != units || foundActivation != activation) {
            throw new InvalidModelException("packed model's layer " + name + " does not match the network: expected "
                    + describe(kind, inputs, units, activation)
                    + ", found " + describe(foundKind, foundInputs, foundUnits, foundActivation));
        }
    }

    /**
     * Reads a conv layer's header and checks it is the declared layer: kind, the 14 geometry fields and the
     * activation; H is folded into scale.
     */
    public void conv(String name, int kind, ConvGeometry geometry, int activation) throws IOException {
        section = "layer " + name + " header";
        int[] expected = geometry.fields();
        int foundKind = data.readUnsignedByte();
        if (foundKind != kind) {
            throw new InvalidModelException("packed model's layer " + name + " does not match the network: expected "
                    + describeConv(kind, expected, activation) + ", found a layer of kind "
                    + describe(foundKind, 0, 0, 0));
        }
        int[] found = new int[expected.length];
        for (int i = 0; i < found.length; i++) {
            found[i] = data.readInt();
        }
        int foundActivation = data.readUnsignedByte();
        data.readFloat();
        if (!Arrays.equals(found, expected) || foundActivation != activation) {
            throw new InvalidModelException("packed model's layer " + name + " does not match the network: expected "
                    + describeConv(kind, expected, activation)
                    + ", found " + describeConv(foundKind, found, foundActivation));
        }
    }

    /** Reads {@code count} finite floats: a NaN or infinity could only give wrong predictions. */
    public float[] floats(int count, String what) throws IOException {
        section = what;
        float[] values = new float[count];
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        for (int done = 0; done < count; ) {
            int n = chunk(buffer, count - done, Float.BYTES);
            buffer.asFloatBuffer().get(values, done, n);
            done += n;
        }
        checkFinite(values, what);
        return values;
    }

    /** Reads {@code count} finite doubles. */
    private double[] doubles(int count, String what) throws IOException {
        section = what;
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = data.readDouble();
            if (!Double.isFinite(values[i])) {
                throw new InvalidModelException("packed model's " + what + "[" + i + "] is not finite: " + values[i]);
            }
        }
        return values;
    }

    /**
     * Reads the packed signs of a binary layer, each unit's row of {@code (inputs + 7) / 8} bytes, and returns them
     * as {@code words} longs per unit, bit {@code i % 64} of word {@code i / 64}. Checks that padding bits are 0: a
     * set padding bit would add an input that does not exist.
     */
    public long[] bits(int units, int inputs, int words, String what) throws IOException {
        section = what;
        int rowBytes = (inputs + 7) / 8;
        int padding = inputs % 8 == 0 ? 0 : 0xff << inputs % 8 & 0xff;
        long[] values = new long[units * words];
        // a buffer of whole rows
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(65536, rowBytes));
        byte[] bytes = buffer.array();
        for (int done = 0; done < units; ) {
            int n = chunk(buffer, units - done, rowBytes);
            for (int j = done; j < done + n; j++) {
                int row = (j - done) * rowBytes;
                if ((bytes[row + rowBytes - 1] & padding) != 0) {
                    throw new InvalidModelException(
                            "packed model's " + what + " of unit " + j + " has padding bits set beyond its inputs");
                }
                for (int k = 0; k < rowBytes; k++) {
                    values[j * words + k / 8] |= (bytes[row + k] & 0xffL) << 8 * (k % 8);
                }
            }
            done += n;
        }
        return values;
    }

    /**
     * Reads {@code count} f24 values (the high three bytes of a float32) and checks they are finite: a NaN or
     * infinity could only give wrong predictions.
     */
    public float[] f24s(int count, String what) throws IOException {
        section = what;
        float[] values = new float[count];
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        byte[] bytes = buffer.array();
        for (int done = 0; done < count; ) {
            int n = chunk(buffer, count - done, 3);
            for (int i = 0; i < n; i++) {
                values[done + i] = Float.intBitsToFloat((bytes[3 * i] & 0xff) << 24
                        | (bytes[3 * i + 1] & 0xff) << 16 | (bytes[3 * i + 2] & 0xff) << 8);
            }
            done += n;
        }
        checkFinite(values, what);
        return values;
    }

    /** Checks the checksum of everything read and that nothing follows it. */
    public void finish() throws IOException {
        long computed = crc.getValue();
        section = "checksum";
        long stored = data.readLong();
        if (stored != computed) {
            throw new InvalidModelException(String.format(
                    "packed model is corrupt: checksum mismatch, stored %08x, computed %08x", stored, computed));
        }
        if (data.read() != -1) {
            throw new InvalidModelException(
                    "packed model is longer than the network it declares: bytes follow the checksum");
        }
    }

    InvalidModelException truncated() {
        return new InvalidModelException("packed model is truncated: it ends while reading the " + section);
    }

    private int readInt(String what) throws IOException {
        section = what;
        return data.readInt();
    }

    private String readUtf(String what) throws IOException {
        section = what;
        try {
            return data.readUTF();
        } catch (UTFDataFormatException e) {
            throw new InvalidModelException("packed model's " + what + " is not valid modified UTF-8");
        }
    }

    private static void expect(String what, int expected, int found) throws InvalidModelException {
        if (found != expected) {
            throw new InvalidModelException("packed model's " + what + " is " + found + ", expected " + expected);
        }
    }

    private static void checkFinite(float[] values, String what) throws InvalidModelException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidModelException("packed model's " + what + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }

    private static String describe(int kind, int inputs, int units, int activation) {
        return PackedModelFormat.denseKindName(kind) + " " + inputs + " -> " + units + ", "
                + PackedModelFormat.activationName(activation);
    }

    private static String describeConv(int kind, int[] geometry, int activation) {
        return PackedModelFormat.convKindName(kind) + " " + ConvGeometry.describe(geometry) + ", "
                + PackedModelFormat.activationName(activation);
    }

    /** Fills {@code buffer} with the next values, at most a buffer full; returns how many. */
    private int chunk(ByteBuffer buffer, int remaining, int bytesPerValue) throws IOException {
        int n = Math.min(remaining, buffer.capacity() / bytesPerValue);
        data.readFully(buffer.array(), 0, n * bytesPerValue);
        buffer.clear();
        return n;
    }
}
