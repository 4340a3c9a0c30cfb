package good;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import javax.annotation.processing.Generated;

/**
 * Inference for {@link StochasticMlp} on the JDK alone, generated from its annotations: it reads the trained weights
 * from the classpath resource {@code StochasticMlp.bcpk} that {@code mvn binaryconnect:export} packs next to this class.
 *
 * <p>Features are exactly what the training network gets as input: {@link #INPUT_SIZE} floats
 * in the row-major order of the declared shape [28, 28, 1]. For images that is every pixel scaled to [-1, 1] as
 * {@code 2 * x / 255 - 1}; {@link #predictPixels} does that scaling.
 *
 * <p>Binary layers keep one sign bit per weight and only add or subtract their inputs; each layer's bias and batch
 * norm are folded into a per-unit scale and shift. The results are the trained network's with deterministic binary
 * weights and batch norm on running statistics, up to float rounding (the packed scale and shift keep 15
 * mantissa bits).
 *
 * <p>Instances are immutable and thread-safe: every call allocates its own working arrays (activations, and
 * for binary layers of 64 units or more a 16 KB lookup table) rather than sharing scratch buffers.
 * {@link #predict(float[][])} runs up to {@link #BATCH_BLOCK} samples at once with SIMD loops over the samples and
 * spreads each layer's units over the common fork-join pool; a sample's scores are the same, bit for bit,
 * as one at a time.
 *
 * <p>Layers:
 * <ul>
 * <li>first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu</li>
 * <li>hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15 epsilon=1.0E-4, relu, dropout 0.2</li>
 * <li>output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15 epsilon=1.0E-4, identity</li>
 * </ul>
 */
@Generated("org.binaryconnect.processor.NetworkProcessor")
public final class StochasticMlpInference {
    /**
     * The network a packed model must be for: the spec's simple name.
     */
    public static final String NETWORK_NAME = "StochasticMlp";

    /**
     * The declared network's fingerprint: a packed model must have been trained for exactly this structure.
     */
    public static final String FINGERPRINT = "547427b714c462df29574a8251efccd3";

    /**
     * The packed model {@link #load()} reads, next to this class.
     */
    public static final String RESOURCE = "StochasticMlp.bcpk";

    public static final int INPUT_SIZE = 784;

    public static final int CLASSES = 10;

    static final int FIRST_INPUTS = 784;

    static final int FIRST_UNITS = 512;

    static final int HIDDEN_INPUTS = 512;

    static final int HIDDEN_UNITS = 512;

    static final int HIDDEN_WORDS = 8;

    static final int OUTPUT_INPUTS = 512;

    static final int OUTPUT_UNITS = 10;

    static final int OUTPUT_WORDS = 8;

    static final int LAYERS = 3;

    /**
     * The most samples {@link #scores(float[][])} computes at once: a batch is cut into blocks of this many.
     */
    public static final int BATCH_BLOCK = 128;

    /**
     * Batches of fewer samples are computed one sample at a time: that is faster for them, and the JIT
     * then compiles the block kernels for long loops only.
     */
    public static final int MIN_BLOCK = 16;

    /**
     * A layer's units are spread over threads only in parts of at least this many.
     */
    private static final int UNITS_PER_THREAD = 64;

    /**
     * 'B' 'C' 'P' 'K'
     */
    private static final int MAGIC = 0x4243504b;

    private static final int FORMAT_VERSION = 3;

    private static final int KIND_BINARY = 1;

    private static final int KIND_FULL_PRECISION = 2;

    private static final int ACTIVATION_IDENTITY = 0;

    private static final int ACTIVATION_RELU = 1;

    /**
     * Unit-major: the weights of unit j start at j * FIRST_INPUTS.
     */
    private final float[] firstWeights;

    private final float[] firstScale;

    private final float[] firstShift;

    /**
     * Sign bits, HIDDEN_WORDS words per unit, in the block-major order of {@link #blockMajor}: bit i % 64 of word
     * i / 64 of unit j is 1 where W[i][j] is +H.
     */
    private final long[] hiddenWeights;

    private final float[] hiddenScale;

    private final float[] hiddenShift;

    /**
     * Sign bits, OUTPUT_WORDS words per unit: bit i of unit j is 1 where W[i][j] is +H.
     */
    private final long[] outputWeights;

    private final float[] outputScale;

    private final float[] outputShift;

    /**
     * Reads and checks a whole packed model, in file order.
     */
    private StochasticMlpInference(PackedReader in) throws IOException {
        in.header(NETWORK_NAME, FINGERPRINT, INPUT_SIZE, CLASSES, LAYERS);
        in.layer("first", KIND_FULL_PRECISION, FIRST_INPUTS, FIRST_UNITS, ACTIVATION_RELU);
        firstWeights = in.floats(FIRST_UNITS * FIRST_INPUTS, "layer first weights");
        firstScale = in.f24s(FIRST_UNITS, "layer first scale");
        firstShift = in.f24s(FIRST_UNITS, "layer first shift");
        in.layer("hidden", KIND_BINARY, HIDDEN_INPUTS, HIDDEN_UNITS, ACTIVATION_RELU);
        hiddenWeights = blockMajor(in.bits(HIDDEN_UNITS, HIDDEN_INPUTS, HIDDEN_WORDS, "layer hidden weights"), HIDDEN_UNITS, HIDDEN_WORDS);
        hiddenScale = in.f24s(HIDDEN_UNITS, "layer hidden scale");
        hiddenShift = in.f24s(HIDDEN_UNITS, "layer hidden shift");
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
    public static StochasticMlpInference load() throws IOException {
        try (InputStream in = StochasticMlpInference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new FileNotFoundException("no packed model " + RESOURCE
                        + " on the classpath next to " + StochasticMlpInference.class.getName()
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
    public static StochasticMlpInference load(InputStream in) throws IOException {
        PackedReader reader = new PackedReader(in);
        try {
            return new StochasticMlpInference(reader);
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
        // first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        float[] firstOutput = relu(fullPrecisionDense(features, firstWeights, firstScale, firstShift));
        // hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15 epsilon=1.0E-4, relu, dropout 0.2
        float[] hiddenOutput = relu(binaryDenseByLookup(firstOutput, hiddenWeights, HIDDEN_WORDS, hiddenScale, hiddenShift));
        // output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15 epsilon=1.0E-4, identity
        float[] outputOutput = binaryDenseBySetBits(hiddenOutput, outputWeights, OUTPUT_WORDS, outputScale, outputShift);
        return outputOutput;
    }

    /**
     * The outputs of the last layer for every sample of {@code batch}, one row per sample: bit for bit what
     * {@link #scores(float[])} gives for each. Blocks of up to {@link #BATCH_BLOCK} samples go through the network together,
     * with each layer's units spread over the threads of the common fork-join pool and the calling thread; a batch of
     * fewer than {@link #MIN_BLOCK} samples is computed one sample at a time, on the same threads.
     */
    public float[][] scores(float[][] batch) {
        for (float[] features : batch) {
            checkLength(features.length, "features");
        }
        float[][] scores = new float[batch.length][];
        if (batch.length < MIN_BLOCK) {
            IntStream.range(0, batch.length).parallel().forEach(s -> scores[s] = scores(batch[s]));
            return scores;
        }
        // blocks of equal size, so that none is smaller than MIN_BLOCK
        int blocks = (batch.length + BATCH_BLOCK - 1) / BATCH_BLOCK;
        for (int k = 0; k < blocks; k++) {
            int from = (int) ((long) batch.length * k / blocks);
            int size = (int) ((long) batch.length * (k + 1) / blocks) - from;
            float[][] block = blockScores(transposed(batch, from, size));
            for (int b = 0; b < size; b++) {
                float[] sample = new float[CLASSES];
                for (int c = 0; c < CLASSES; c++) {
                    sample[c] = block[c][b];
                }
                scores[from + b] = sample;
            }
        }
        return scores;
    }

    /**
     * The last layer's outputs, {@code [class][sample]}, for a block of samples given input-major.
     */
    private float[][] blockScores(float[][] features) {
        // first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        float[][] firstOutput = new float[FIRST_UNITS][];
        inParallel(FIRST_UNITS, (from, to) -> {
            fullPrecisionDense(features, firstWeights, firstOutput, from, to);
            scaleAndShift(firstOutput, firstScale, firstShift, from, to);
            relu(firstOutput, from, to);
        });
        // hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15 epsilon=1.0E-4, relu, dropout 0.2
        float[][] hiddenOutput = new float[HIDDEN_UNITS][];
        inParallel(HIDDEN_UNITS, (from, to) -> {
            binaryDenseByLookup(firstOutput, hiddenWeights, HIDDEN_WORDS, hiddenOutput, from, to);
            scaleAndShift(hiddenOutput, hiddenScale, hiddenShift, from, to);
            relu(hiddenOutput, from, to);
        });
        // output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15 epsilon=1.0E-4, identity
        float[][] outputOutput = new float[OUTPUT_UNITS][];
        inParallel(OUTPUT_UNITS, (from, to) -> {
            binaryDenseBySetBits(hiddenOutput, outputWeights, OUTPUT_WORDS, outputOutput, from, to);
            scaleAndShift(outputOutput, outputScale, outputShift, from, to);
        });
        return outputOutput;
    }

    /**
     * Computes a layer's units in parts of at least {@link #UNITS_PER_THREAD}, one part per available processor at most,
     * on the common fork-join pool and the calling thread.
     */
    private static void inParallel(int units, UnitRange range) {
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), units / UNITS_PER_THREAD));
        if (parts == 1) {
            range.compute(0, units);
        } else {
            IntStream.range(0, parts).parallel().forEach(p -> range.compute(units * p / parts, units * (p + 1) / parts));
        }
    }

    /**
     * The features of samples {@code from .. from + size - 1} of {@code batch}, whose lengths were checked,
     * input-major: {@code x[i][b]} is feature i of sample {@code from + b}.
     */
    private static float[][] transposed(float[][] batch, int from, int size) {
        float[][] x = new float[INPUT_SIZE][size];
        for (int b = 0; b < size; b++) {
            float[] features = batch[from + b];
            for (int i = 0; i < INPUT_SIZE; i++) {
                x[i][b] = features[i];
            }
        }
        return x;
    }

    /**
     * Units {@code from .. to - 1} of a wide binary dense layer for a block of samples: {@link
     * #binaryDenseByLookup(float[], long[], int, float[], float[])} with the tables of every sample side by side.
     * For each block of 128 inputs it builds, per group of 4 inputs, the 16 rows of signed sums over the samples;
     * each unit then adds, for each byte of its signs, the sum of the two rows its two halves select: a few
     * SIMD additions for the whole block of samples.
     */
    private static void binaryDenseByLookup(float[][] x, long[] weights, int words, float[][] y,
            int from, int to) {
        int units = y.length;
        int size = x[0].length;
        float[] zero = new float[size];
        // rows[16 * q + m]: the signed sums of group q of 4 inputs of the block for the signs m
        float[][] rows = new float[32 * 16][size];
        for (int j = from; j < to; j++) {
            y[j] = new float[size];
        }
        for (int first = 0; first < words; first += 2) {
            // the last block has one word when words is odd
            int width = Math.min(2, words - first);
            for (int q = 0; q < 16 * width; q++) {
                nibbleRows(x, 64 * first + 4 * q, rows, q << 4, zero);
            }
            int block = first * units;
            if (width == 2) {
                for (int j = from; j < to; j++) {
                    addWord(y[j], rows, 0, weights[block + 2 * j]);
                    addWord(y[j], rows, 256, weights[block + 2 * j + 1]);
                }
            } else {
                for (int j = from; j < to; j++) {
                    addWord(y[j], rows, 0, weights[block + j]);
                }
            }
        }
    }

    /**
     * Adds to {@code acc} the 8 signed sums that the bytes of {@code word} select, in byte order, from the
     * 16 groups of rows at {@code at}.
     */
    private static void addWord(float[] acc, float[][] rows, int at, long word) {
        for (int k = 0; k < 8; k += 2) {
            int group = at + (k << 5);
            long bits = word >>> (k << 3);
            addBytes(acc, rows[group + (int) (bits & 15)], rows[group + 16 + (int) (bits >>> 4 & 15)],
                    rows[group + 32 + (int) (bits >>> 8 & 15)], rows[group + 48 + (int) (bits >>> 12 & 15)]);
        }
    }

    /**
     * Adds two bytes' signed sums, each the sum of its low and its high half's: the one-sample kernel's
     * {@code acc + sums[byte 0] + sums[byte 1]}.
     */
    private static void addBytes(float[] acc, float[] low0, float[] high0, float[] low1,
            float[] high1) {
        for (int b = 0; b < acc.length; b++) {
            acc[b] = acc[b] + (low0[b] + high0[b]) + (low1[b] + high1[b]);
        }
    }

    /**
     * Fills {@code rows[at + m]}, m = 0..15, with every sample's signed sums of the 4 inputs from {@code first}, as
     * {@link #nibbleSums} computes them for one sample.
     */
    private static void nibbleRows(float[][] x, int first, float[][] rows, int at, float[] zero) {
        float[] x0 = inputRow(x, first, zero);
        float[] x1 = inputRow(x, first + 1, zero);
        float[] x2 = inputRow(x, first + 2, zero);
        float[] x3 = inputRow(x, first + 3, zero);
        float[] none = rows[at];
        for (int b = 0; b < none.length; b++) {
            none[b] = -((x0[b] + x1[b]) + (x2[b] + x3[b]));
        }
        addTwice(rows, at, 1, x0);
        addTwice(rows, at, 2, x1);
        addTwice(rows, at, 4, x2);
        addTwice(rows, at, 8, x3);
    }

    /**
     * {@code rows[at + half + m] = rows[at + m] + 2 * input} for m < half: the sums where the input's bit is set.
     */
    private static void addTwice(float[][] rows, int at, int half, float[] input) {
        for (int m = 0; m < half; m++) {
            float[] without = rows[at + m];
            float[] with = rows[at + half + m];
            for (int b = 0; b < with.length; b++) {
                with[b] = without[b] + 2f * input[b];
            }
        }
    }

    /**
     * Input {@code i} of every sample, or zeros past the last input.
     */
    private static float[] inputRow(float[][] x, int i, float[] zero) {
        return i < x.length ? x[i] : zero;
    }

    /**
     * Units {@code from .. to - 1} of a binary dense layer of few units for a block of samples, as {@link
     * #binaryDenseBySetBits(float[], long[], int, float[], float[])} computes them: each set bit adds its input row.
     */
    private static void binaryDenseBySetBits(float[][] x, long[] weights, int words, float[][] y,
            int from, int to) {
        int size = x[0].length;
        float[] total = new float[size];
        for (float[] input : x) {
            for (int b = 0; b < size; b++) {
                total[b] += input[b];
            }
        }
        for (int j = from; j < to; j++) {
            float[] positive = new float[size];
            int unit = j * words;
            for (int w = 0; w < words; w++) {
                long bits = weights[unit + w];
                int first = w << 6;
                while (bits != 0) {
                    float[] input = x[first + Long.numberOfTrailingZeros(bits)];
                    for (int b = 0; b < size; b++) {
                        positive[b] += input[b];
                    }
                    bits &= bits - 1;
                }
            }
            for (int b = 0; b < size; b++) {
                positive[b] = 2f * positive[b] - total[b];
            }
            y[j] = positive;
        }
    }

    /**
     * Units {@code from .. to - 1} of a full-precision dense layer for a block of samples, as {@link
     * #fullPrecisionDense(float[], float[], float[], float[])} computes them.
     */
    private static void fullPrecisionDense(float[][] x, float[] weights, float[][] y, int from,
            int to) {
        int size = x[0].length;
        for (int j = from; j < to; j++) {
            float[] acc = new float[size];
            int unit = j * x.length;
            for (int i = 0; i < x.length; i++) {
                float weight = weights[unit + i];
                float[] input = x[i];
                for (int b = 0; b < size; b++) {
                    acc[b] += weight * input[b];
                }
            }
            y[j] = acc;
        }
    }

    /**
     * ReLU of units {@code from .. to - 1} of a block of samples.
     */
    private static void relu(float[][] y, int from, int to) {
        for (int j = from; j < to; j++) {
            float[] row = y[j];
            for (int b = 0; b < row.length; b++) {
                row[b] = Math.max(row[b], 0f);
            }
        }
    }

    /**
     * {@code y[j][b] = scale[j] * y[j][b] + shift[j]} for units {@code from .. to - 1}.
     */
    private static void scaleAndShift(float[][] y, float[] scale, float[] shift, int from, int to) {
        for (int j = from; j < to; j++) {
            float[] row = y[j];
            float s = scale[j];
            float t = shift[j];
            for (int b = 0; b < row.length; b++) {
                row[b] = s * row[b] + t;
            }
        }
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
     * A binary dense layer of many units, without multiplications. For each block of 128 inputs it builds the
     * 16 tables of 256 signed sums of their groups of 8 inputs, then adds to every unit the 16 entries its
     * 16 bytes of signs select: one addition where selecting a sign per input takes 8.
     */
    private static float[] binaryDenseByLookup(float[] x, long[] weights, int words, float[] scale,
            float[] shift) {
        int units = scale.length;
        float[] acc = new float[units];
        // sums[g * 256 + m]: the signed sum of group g of the block for the signs m
        float[] sums = new float[16 * 256];
        float[] low = new float[16];
        float[] high = new float[16];
        for (int first = 0; first < words; first += 2) {
            // the last block has one word when words is odd
            int width = Math.min(2, words - first);
            for (int g = 0; g < 8 * width; g++) {
                signedSums(x, 64 * first + 8 * g, sums, g << 8, low, high);
            }
            int block = first * units;
            if (width == 2) {
                for (int j = 0; j < units; j++) {
                    acc[j] = addLookups(addLookups(acc[j], sums, 0, weights[block + 2 * j]), sums, 2048, weights[block + 2 * j + 1]);
                }
            } else {
                for (int j = 0; j < units; j++) {
                    acc[j] = addLookups(acc[j], sums, 0, weights[block + j]);
                }
            }
        }
        for (int j = 0; j < units; j++) {
            acc[j] = scale[j] * acc[j] + shift[j];
        }
        return acc;
    }

    /**
     * {@code acc} plus the 8 table entries that the 8 bytes of {@code word} select from the 8 tables at
     * {@code table}, added one after the other in byte order: the order the batch kernel adds them in too.
     */
    private static float addLookups(float acc, float[] sums, int table, long word) {
        return acc + sums[table + (int) (word & 0xff)] + sums[table + 256 + (int) (word >>> 8 & 0xff)]
                + sums[table + 512 + (int) (word >>> 16 & 0xff)] + sums[table + 768 + (int) (word >>> 24 & 0xff)]
                + sums[table + 1024 + (int) (word >>> 32 & 0xff)] + sums[table + 1280 + (int) (word >>> 40 & 0xff)]
                + sums[table + 1536 + (int) (word >>> 48 & 0xff)] + sums[table + 1792 + (int) (word >>> 56)];
    }

    /**
     * Fills {@code sums[at + m]}, m = 0..255, with the sum over b = 0..7 of {@code x[first + b]} where bit b of m is
     * set and {@code -x[first + b]} where it is not: every entry is one addition of a sum of the low 4 inputs and
     * one of the high 4, 16 of each.
     */
    private static void signedSums(float[] x, int first, float[] sums, int at, float[] low,
            float[] high) {
        nibbleSums(x, first, low);
        nibbleSums(x, first + 4, high);
        for (int h = 0; h < 16; h++) {
            float highSum = high[h];
            int row = at + (h << 4);
            for (int l = 0; l < 16; l++) {
                sums[row + l] = low[l] + highSum;
            }
        }
    }

    /**
     * The 16 signed sums of the 4 inputs from {@code first}: all negative, then each set bit adds twice its input.
     */
    private static void nibbleSums(float[] x, int first, float[] sums) {
        sums[0] = -((input(x, first) + input(x, first + 1)) + (input(x, first + 2) + input(x, first + 3)));
        for (int bit = 0; bit < 4; bit++) {
            int half = 1 << bit;
            float twice = 2f * input(x, first + bit);
            for (int m = 0; m < half; m++) {
                sums[half + m] = sums[m] + twice;
            }
        }
    }

    /**
     * Input {@code i}, or 0 past the last input: the padding of a unit's last word adds nothing.
     */
    private static float input(float[] x, int i) {
        return i < x.length ? x[i] : 0f;
    }

    /**
     * Reorders unit-major sign words into the order {@link #binaryDenseByLookup} reads them: block k holds, unit
     * after unit, words 2k and 2k + 1 of each (only 2k in a last block of one word).
     */
    private static long[] blockMajor(long[] unitMajor, int units, int words) {
        long[] blocked = new long[unitMajor.length];
        for (int first = 0; first < words; first += 2) {
            int width = Math.min(2, words - first);
            for (int j = 0; j < units; j++) {
                for (int k = 0; k < width; k++) {
                    blocked[first * units + j * width + k] = unitMajor[j * words + first + k];
                }
            }
        }
        return blocked;
    }

    /**
     * A full-precision dense layer: a float dot product per unit over its unit-major weights.
     */
    private static float[] fullPrecisionDense(float[] x, float[] weights, float[] scale,
            float[] shift) {
        float[] y = new float[scale.length];
        for (int j = 0; j < y.length; j++) {
            float acc = 0f;
            int unit = j * x.length;
            for (int i = 0; i < x.length; i++) {
                acc += weights[unit + i] * x[i];
            }
            y[j] = scale[j] * acc + shift[j];
        }
        return y;
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
     * Computes units {@code from .. to - 1} of a layer.
     */
    private interface UnitRange {
        void compute(int from, int to);
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
    }
}
