package good;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import javax.annotation.processing.Generated;

/**
 * Inference for {@link BatchNormCnn} on the JDK alone, generated from its annotations: it reads the trained weights
 * from the classpath resource {@code BatchNormCnn.bcpk} that {@code mvn binaryconnect:export} packs next to this class.
 *
 * <p>Features are exactly what the training network gets as input: {@link #INPUT_SIZE} floats
 * channel by channel, each channel's rows in turn ({@code C, H, W}: how the loaders deliver images and the
 * conv layers read them), for the declared shape [32, 32, 3]. For images that is every pixel scaled to [-1, 1] as
 * {@code 2 * x / 255 - 1}; {@link #predictPixels} does that scaling.
 *
 * <p>Binary layers keep one sign bit per weight and only add or subtract their inputs; each layer's bias and batch
 * norm are folded into a per-unit scale and shift. The results are the trained network's with deterministic binary
 * weights and batch norm on running statistics, up to float rounding (the packed scale and shift keep 15
 * mantissa bits).
 *
 * <p>Instances are immutable and thread-safe: every call allocates its own working arrays (activations, and
 * for binary layers of 64 units or more a 16 KB lookup table) rather than sharing scratch buffers.
 * {@link #predict(float[][])} spreads the samples over the common fork-join pool.
 *
 * <p>Layers:
 * <ul>
 * <li>conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1 epsilon=1.0E-4, relu</li>
 * <li>conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout 0.1</li>
 * <li>output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm alpha=0.1 epsilon=1.0E-4, identity</li>
 * </ul>
 */
@Generated("org.binaryconnect.processor.NetworkProcessor")
public final class BatchNormCnnInference {
    /**
     * The network a packed model must be for: the spec's simple name.
     */
    public static final String NETWORK_NAME = "BatchNormCnn";

    /**
     * The declared network's fingerprint: a packed model must have been trained for exactly this structure.
     */
    public static final String FINGERPRINT = "4a9b00bf8db19081bd61dd3ca11e285a";

    /**
     * The packed model {@link #load()} reads, next to this class.
     */
    public static final String RESOURCE = "BatchNormCnn.bcpk";

    public static final int INPUT_SIZE = 3072;

    public static final int CLASSES = 10;

    /**
     * channels, height, width, filters, kernel, stride, padding top and left, output height and width,
     * pool size (0 for none) and stride, pooled height and width: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID)
     */
    private static final int[] CONV1_GEOMETRY = {3, 32, 32, 16, 5, 2, 0, 0, 14, 14, 0, 0, 0, 0};

    static final int CONV1_FAN_IN = 75;

    static final int CONV1_FILTERS = 16;

    /**
     * channels, height, width, filters, kernel, stride, padding top and left, output height and width,
     * pool size (0 for none) and stride, pooled height and width: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6
     */
    private static final int[] CONV2_GEOMETRY = {16, 14, 14, 32, 3, 1, 1, 1, 14, 14, 3, 2, 6, 6};

    static final int CONV2_FAN_IN = 144;

    static final int CONV2_FILTERS = 32;

    static final int CONV2_WORDS = 3;

    static final int OUTPUT_INPUTS = 1152;

    static final int OUTPUT_UNITS = 10;

    static final int OUTPUT_WORDS = 18;

    static final int LAYERS = 3;

    /**
     * 'B' 'C' 'P' 'K'
     */
    private static final int MAGIC = 0x4243504b;

    private static final int FORMAT_VERSION = 3;

    private static final int KIND_BINARY = 1;

    private static final int KIND_FULL_PRECISION = 2;

    private static final int ACTIVATION_IDENTITY = 0;

    private static final int ACTIVATION_RELU = 1;

    private static final int KIND_BINARY_CONV = 3;

    private static final int KIND_FULL_PRECISION_CONV = 4;

    /**
     * Filter-major: the CONV1_FAN_IN weights of filter f, channel by channel, start at f * CONV1_FAN_IN.
     */
    private final float[] conv1Weights;

    private final float[] conv1Scale;

    private final float[] conv1Shift;

    /**
     * Sign bits as lookup-table offsets ({@link #nibbleOffsets}): (fan-in + 3) / 4 per filter.
     */
    private final int[] conv2Weights;

    private final float[] conv2Scale;

    private final float[] conv2Shift;

    /**
     * Sign bits, OUTPUT_WORDS words per unit: bit i of unit j is 1 where W[i][j] is +H.
     */
    private final long[] outputWeights;

    private final float[] outputScale;

    private final float[] outputShift;

    /**
     * Reads and checks a whole packed model, in file order.
     */
    private BatchNormCnnInference(PackedReader in) throws IOException {
        in.header(NETWORK_NAME, FINGERPRINT, INPUT_SIZE, CLASSES, LAYERS);
        in.conv("conv1", KIND_FULL_PRECISION_CONV, CONV1_GEOMETRY, ACTIVATION_RELU);
        conv1Weights = in.floats(CONV1_FILTERS * CONV1_FAN_IN, "layer conv1 weights");
        conv1Scale = in.f24s(CONV1_FILTERS, "layer conv1 scale");
        conv1Shift = in.f24s(CONV1_FILTERS, "layer conv1 shift");
        in.conv("conv2", KIND_BINARY_CONV, CONV2_GEOMETRY, ACTIVATION_RELU);
        conv2Weights = nibbleOffsets(in.bits(CONV2_FILTERS, CONV2_FAN_IN, CONV2_WORDS, "layer conv2 weights"), CONV2_FILTERS, CONV2_FAN_IN, CONV2_WORDS);
        conv2Scale = in.f24s(CONV2_FILTERS, "layer conv2 scale");
        conv2Shift = in.f24s(CONV2_FILTERS, "layer conv2 shift");
        in.layer("output", KIND_BINARY, OUTPUT_INPUTS, OUTPUT_UNITS, ACTIVATION_IDENTITY);
        outputWeights = in.bits(OUTPUT_UNITS, OUTPUT_INPUTS, OUTPUT_WORDS, "layer output weights");
        outputScale = in.f24s(OUTPUT_UNITS, "layer output scale");
        outputShift = in.f24s(OUTPUT_UNITS, "layer output shift");
        in.finish();
    }

    /**
     * Loads the packed model {@link #RESOURCE} from next to this class on the classpath.
     *
     * @throws FileNotFoundException if the resource is missing
     * @throws InvalidModelException if it is not a packed model of this network
     */
    public static BatchNormCnnInference load() throws IOException {
        try (InputStream in = BatchNormCnnInference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FileNotFoundException("no packed model " + RESOURCE
                        + " on the classpath next to " + BatchNormCnnInference.class.getName()
                        + ": run mvn binaryconnect:export after training to create it");
            }
            return load(in);
        }
    }

    /**
     * Loads a packed model from {@code in}, which must hold exactly one and nothing after it; reads it to its
     * end and leaves it open. Every value is checked against this network before it is used.
     *
     * @throws InvalidModelException if it is not a complete, intact packed model of this network
     */
    public static BatchNormCnnInference load(InputStream in) throws IOException {
        PackedReader reader = new PackedReader(in);
        try {
            return new BatchNormCnnInference(reader);
        } catch (EOFException e) {
            throw reader.truncated();
        }
    }

    /**
     * The predicted class: the index of the largest score, the first one on ties.
     */
    public int predict(float[] features) {
        return argmax(scores(features));
    }

    /**
     * The predicted class of every sample of {@code batch}: the same classes as {@link #predict(float[])}
     * gives one sample at a time, computed faster (see {@link #scores(float[][])}).
     */
    public int[] predict(float[][] batch) {
        float[][] scores = scores(batch);
        int[] classes = new int[batch.length];
        for (int s = 0; s < batch.length; s++) {
            classes[s] = argmax(scores[s]);
        }
        return classes;
    }

    /**
     * The predicted class of an image given as unsigned bytes, 0 to 255 each, scaled to [-1, 1] as in training.
     */
    public int predictPixels(byte[] unsignedPixels) {
        checkLength(unsignedPixels.length, "pixels");
        float[] features = new float[INPUT_SIZE];
        for (int i = 0; i < INPUT_SIZE; i++) {
            // the same float arithmetic as training's scaling, so the features are identical
            features[i] = 2f * (unsignedPixels[i] & 0xff) / 255f - 1f;
        }
        return predict(features);
    }

    /**
     * The outputs of the last layer, one per class.
     */
    public float[] scores(float[] features) {
        checkLength(features.length, "features");
        // conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1 epsilon=1.0E-4, relu
        float[] conv1Output = relu(fullPrecisionConv(features, CONV1_GEOMETRY, conv1Weights, conv1Scale, conv1Shift));
        // conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout 0.1
        float[] conv2Output = relu(binaryConv(conv1Output, CONV2_GEOMETRY, conv2Weights, conv2Scale, conv2Shift));
        // output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm alpha=0.1 epsilon=1.0E-4, identity
        float[] outputOutput = binaryDenseBySetBits(conv2Output, outputWeights, OUTPUT_WORDS, outputScale, outputShift);
        return outputOutput;
    }

    /**
     * The outputs of the last layer for every sample of {@code batch}, one row per sample, each computed by
     * {@link #scores(float[])} on the threads of the common fork-join pool and the calling thread.
     */
    public float[][] scores(float[][] batch) {
        for (float[] features : batch) {
            checkLength(features.length, "features");
        }
        float[][] scores = new float[batch.length][];
        IntStream.range(0, batch.length).parallel().forEach(s -> scores[s] = scores(batch[s]));
        return scores;
    }

    /**
     * A binary dense layer of few units, without multiplications. With s = +1 where a bit is set and -1 where
     * not, {@code sum_i s_i x_i = 2 * (sum of x_i over set bits) - sum_i x_i}, so each unit only adds the
     * inputs of its set bits. Walking the set bits measured faster than selecting every bit without branches.
     */
    private static float[] binaryDenseBySetBits(float[] x, long[] weights, int words, float[] scale,
            float[] shift) {
        float total = 0f;
        for (float value : x) {
            total += value;
        }
        float[] y = new float[scale.length];
        for (int j = 0; j < y.length; j++) {
            float positive = 0f;
            int unit = j * words;
            for (int w = 0; w < words; w++) {
                long bits = weights[unit + w];
                int first = w << 6;
                while (bits != 0) {
                    positive += x[first + Long.numberOfTrailingZeros(bits)];
                    // clears the lowest set bit
                    bits &= bits - 1;
                }
            }
            y[j] = scale[j] * (2f * positive - total) + shift[j];
        }
        return y;
    }

    /**
     * Fills {@code patch} with the receptive field of output {@code (oy, ox)}: its inputs in the order channel,
     * kernel row, kernel column (the order of a filter's weights), 0 outside the image, then 0 to the end.
     */
    private static void receptiveField(float[] x, int[] g, int oy, int ox, float[] patch) {
        int channels = g[0];
        int height = g[1];
        int width = g[2];
        int kernel = g[4];
        int stride = g[5];
        int padTop = g[6];
        int padLeft = g[7];
        int i = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                int iy = oy * stride - padTop + ky;
                for (int kx = 0; kx < kernel; kx++) {
                    int ix = ox * stride - padLeft + kx;
                    patch[i++] = iy >= 0 && iy < height && ix >= 0 && ix < width
                            ? x[(c * height + iy) * width + ix] : 0f;
                }
            }
        }
        while (i < patch.length) {
            patch[i++] = 0f;
        }
    }

    /**
     * {@code scale[f] * s + shift[f]} for each filter f, s the max of each pool window of the raw sums
     * (filter-major, outHeight x outWidth each), or each raw sum without a pool. Pooling before the affine
     * map is exact for either sign of scale; the output is filter-major, as the next layer reads it.
     */
    private static float[] poolScaleShift(float[] sums, int[] g, float[] scale, float[] shift) {
        int filters = g[3];
        int outHeight = g[8];
        int outWidth = g[9];
        int pool = g[10];
        int poolStride = g[11];
        int pooledHeight = g[12];
        int pooledWidth = g[13];
        int plane = outHeight * outWidth;
        int height = pool == 0 ? outHeight : pooledHeight;
        int width = pool == 0 ? outWidth : pooledWidth;
        int step = pool == 0 ? 1 : poolStride;
        int window = pool == 0 ? 1 : pool;
        float[] y = new float[filters * height * width];
        for (int f = 0; f < filters; f++) {
            int s = f * plane;
            for (int py = 0; py < height; py++) {
                for (int px = 0; px < width; px++) {
                    float m = sums[s + py * step * outWidth + px * step];
                    for (int dy = 0; dy < window; dy++) {
                        for (int dx = 0; dx < window; dx++) {
                            float candidate = sums[s + (py * step + dy) * outWidth + px * step + dx];
                            if (candidate > m) {
                                m = candidate;
                            }
                        }
                    }
                    y[(f * height + py) * width + px] = scale[f] * m + shift[f];
                }
            }
        }
        return y;
    }

    /**
     * A binary conv layer without multiplications. At each output position: the table of the 16 signed sums
     * of each group of 4 inputs of the receptive field (all negative, then each set bit adds twice its input),
     * then per filter one table entry per 4 sign bits, at the offsets {@link #nibbleOffsets} precomputed.
     */
    private static float[] binaryConv(float[] x, int[] g, int[] offsets, float[] scale,
            float[] shift) {
        int channels = g[0];
        int filters = g[3];
        int kernel = g[4];
        int outHeight = g[8];
        int outWidth = g[9];
        int groups = (channels * kernel * kernel + 3) / 4;
        int plane = outHeight * outWidth;
        float[] patch = new float[4 * groups];
        float[] table = new float[16 * groups];
        float[] sums = new float[filters * plane];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                receptiveField(x, g, oy, ox, patch);
                for (int q = 0; q < groups; q++) {
                    int p = 4 * q;
                    int t = 16 * q;
                    table[t] = -((patch[p] + patch[p + 1]) + (patch[p + 2] + patch[p + 3]));
                    for (int bit = 0; bit < 4; bit++) {
                        int half = 1 << bit;
                        float twice = 2f * patch[p + bit];
                        for (int m = 0; m < half; m++) {
                            table[t + half + m] = table[t + m] + twice;
                        }
                    }
                }
                int position = oy * outWidth + ox;
                int f = 0;
                // four filters at a time: four independent chains of additions, each filter's in order
                for (; f + 4 <= filters; f += 4) {
                    float s0 = 0f;
                    float s1 = 0f;
                    float s2 = 0f;
                    float s3 = 0f;
                    int row = f * groups;
                    for (int q = 0; q < groups; q++) {
                        s0 += table[offsets[row + q]];
                        s1 += table[offsets[row + groups + q]];
                        s2 += table[offsets[row + 2 * groups + q]];
                        s3 += table[offsets[row + 3 * groups + q]];
                    }
                    sums[f * plane + position] = s0;
                    sums[(f + 1) * plane + position] = s1;
                    sums[(f + 2) * plane + position] = s2;
                    sums[(f + 3) * plane + position] = s3;
                }
                for (; f < filters; f++) {
                    float sum = 0f;
                    int row = f * groups;
                    for (int q = 0; q < groups; q++) {
                        sum += table[offsets[row + q]];
                    }
                    sums[f * plane + position] = sum;
                }
            }
        }
        return poolScaleShift(sums, g, scale, shift);
    }

    /**
     * Each filter's sign bits as table offsets: for group q of 4 inputs, {@code 16 * q} plus the group's 4 bits,
     * {@code (fanIn + 3) / 4} offsets per filter. A 64-bit word holds 16 whole groups.
     */
    private static int[] nibbleOffsets(long[] bits, int filters, int fanIn, int words) {
        int groups = (fanIn + 3) / 4;
        int[] offsets = new int[filters * groups];
        for (int f = 0; f < filters; f++) {
            for (int q = 0; q < groups; q++) {
                offsets[f * groups + q] = 16 * q + (int) (bits[f * words + q / 16] >>> 4 * (q % 16) & 0xf);
            }
        }
        return offsets;
    }

    /**
     * A full-precision conv layer: per output position and filter, the float dot product of the filter's
     * weights (channel, kernel row, kernel column) with the receptive field.
     */
    private static float[] fullPrecisionConv(float[] x, int[] g, float[] weights, float[] scale,
            float[] shift) {
        int channels = g[0];
        int filters = g[3];
        int kernel = g[4];
        int outHeight = g[8];
        int outWidth = g[9];
        int fanIn = channels * kernel * kernel;
        int plane = outHeight * outWidth;
        float[] patch = new float[(fanIn + 3) / 4 * 4];
        float[] sums = new float[filters * plane];
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                receptiveField(x, g, oy, ox, patch);
                int position = oy * outWidth + ox;
                for (int f = 0; f < filters; f++) {
                    float sum = 0f;
                    int row = f * fanIn;
                    for (int i = 0; i < fanIn; i++) {
                        sum += weights[row + i] * patch[i];
                    }
                    sums[f * plane + position] = sum;
                }
            }
        }
        return poolScaleShift(sums, g, scale, shift);
    }

    private static float[] relu(float[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.max(y[j], 0f);
        }
        return y;
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    private static void checkLength(int length, String what) {
        if (length != INPUT_SIZE) {
            throw new IllegalArgumentException("expected " + INPUT_SIZE + " " + what + ", got " + length);
        }
    }

    /**
     * A packed model this class cannot use: not the format, another version, truncated, corrupt, or trained
     * for a different network. The message says which.
     */
    public static final class InvalidModelException extends IOException {
        private static final long serialVersionUID = 1L;

        InvalidModelException(String message) {
            super(message);
        }
    }

    /**
     * Reads the packed format in order, checksumming every byte, and remembers what it is reading so that
     * a stream that ends early is reported by the section it ends in.
     */
    private static final class PackedReader {
        private final CRC32 crc = new CRC32();

        private final DataInputStream data;

        private String section = "magic";

        PackedReader(InputStream in) {
            data = new DataInputStream(new CheckedInputStream(new BufferedInputStream(in), crc));
        }

        void header(String name, String fingerprint, int inputSize, int classes, int layers) throws
                IOException {
            section = "magic";
            int magic = data.readInt();
            if (magic != MAGIC) {
                throw new InvalidModelException(String.format(
                        "not a packed BinaryConnect model: magic number 0x%08x, expected 0x%08x ('BCPK')", magic, MAGIC));
            }
            section = "format version";
            int version = data.readUnsignedShort();
            if (version != FORMAT_VERSION) {
                throw new InvalidModelException("unsupported packed model format version " + version
                        + ": this class reads version " + FORMAT_VERSION
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
         * Reads a layer's header and checks it is the declared layer; H is folded into scale.
         */
        void layer(String name, int kind, int inputs, int units, int activation) throws
                IOException {
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
         * Reads {@code count} finite floats: a NaN or infinity could only give wrong predictions.
         */
        float[] floats(int count, String what) throws IOException {
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

        /**
         * Reads the packed signs of a binary layer, each unit's row of {@code (inputs + 7) / 8} bytes, and returns
         * them as {@code words} longs per unit, bit {@code i % 64} of word {@code i / 64}. Checks that padding bits are 0:
         * a set padding bit would add an input that does not exist.
         */
        long[] bits(int units, int inputs, int words, String what) throws IOException {
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
         * Reads {@code count} f24 values (the high three bytes of a float32) and checks they are finite: a NaN
         * or infinity could only give wrong predictions.
         */
        float[] f24s(int count, String what) throws IOException {
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

        /**
         * Checks the checksum of everything read and that nothing follows it.
         */
        void finish() throws IOException {
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

        private static void expect(String what, int expected, int found) throws
                InvalidModelException {
            if (found != expected) {
                throw new InvalidModelException(
                        "packed model's " + what + " is " + found + ", expected " + expected);
            }
        }

        private static void checkFinite(float[] values, String what) throws InvalidModelException {
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new InvalidModelException(
                            "packed model's " + what + "[" + i + "] is not finite: " + values[i]);
                }
            }
        }

        private static String describe(int kind, int inputs, int units, int activation) {
            String kindName = kind == KIND_BINARY ? "binary dense"
                    : kind == KIND_FULL_PRECISION ? "full-precision dense" : "unknown kind " + kind;
            String activationName = activation == ACTIVATION_IDENTITY ? "identity"
                    : activation == ACTIVATION_RELU ? "relu" : "unknown activation " + activation;
            return kindName + " " + inputs + " -> " + units + ", " + activationName;
        }

        /**
         * Fills {@code buffer} with the next values, at most a buffer full; returns how many.
         */
        private int chunk(ByteBuffer buffer, int remaining, int bytesPerValue) throws IOException {
            int n = Math.min(remaining, buffer.capacity() / bytesPerValue);
            data.readFully(buffer.array(), 0, n * bytesPerValue);
            buffer.clear();
            return n;
        }

        /**
         * Reads a conv layer's header and checks it is the declared layer: kind, the 14 geometry fields and the
         * activation; H is folded into scale.
         */
        void conv(String name, int kind, int[] geometry, int activation) throws IOException {
            section = "layer " + name + " header";
            int foundKind = data.readUnsignedByte();
            if (foundKind != kind) {
                throw new InvalidModelException("packed model's layer " + name + " does not match the network: expected "
                        + describeConv(kind, geometry, activation) + ", found a layer of kind " + describe(foundKind, 0, 0, 0));
            }
            int[] found = new int[geometry.length];
            for (int i = 0; i < found.length; i++) {
                found[i] = data.readInt();
            }
            int foundActivation = data.readUnsignedByte();
            data.readFloat();
            if (!Arrays.equals(found, geometry) || foundActivation != activation) {
                throw new InvalidModelException("packed model's layer " + name + " does not match the network: expected "
                        + describeConv(kind, geometry, activation)
                        + ", found " + describeConv(foundKind, found, foundActivation));
            }
        }

        private static String describeConv(int kind, int[] g, int activation) {
            String kindName = kind == KIND_BINARY_CONV ? "binary conv"
                    : kind == KIND_FULL_PRECISION_CONV ? "full-precision conv" : "unknown kind " + kind;
            String activationName = activation == ACTIVATION_IDENTITY ? "identity"
                    : activation == ACTIVATION_RELU ? "relu" : "unknown activation " + activation;
            String pool = g[10] == 0 ? ""
                    : ", max-pool " + g[10] + " stride " + g[11] + " -> " + g[12] + "x" + g[13];
            return kindName + " " + g[0] + "x" + g[1] + "x" + g[2] + " -> " + g[3] + "x" + g[8] + "x" + g[9]
                    + " (" + g[4] + "x" + g[4] + " stride " + g[5] + ", padding " + g[6] + " top " + g[7] + " left)" + pool + ", " + activationName;
        }
    }
}
