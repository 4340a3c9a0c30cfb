package good;

import static org.binaryconnect.inference.PackedModelFormat.ACTIVATION_IDENTITY;
import static org.binaryconnect.inference.PackedModelFormat.ACTIVATION_RELU;
import static org.binaryconnect.inference.PackedModelFormat.KIND_BINARY;
import static org.binaryconnect.inference.PackedModelFormat.KIND_BINARY_CONV;
import static org.binaryconnect.inference.PackedModelFormat.KIND_FULL_PRECISION_CONV;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.annotation.processing.Generated;
import org.binaryconnect.inference.ConvGeometry;
import org.binaryconnect.inference.ConvKernels;
import org.binaryconnect.inference.DenseKernels;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.inference.InvalidModelException;
import org.binaryconnect.inference.PackedModelReader;
import org.binaryconnect.inference.Predictions;

/**
 * Inference for {@link BatchNormCnn}, generated from its annotations: it reads the trained weights from the
 * classpath resource {@code BatchNormCnn.bcpk} that {@code mvn binaryconnect:export} packs next to this class.
 * It needs the JDK and binaryconnect-inference, whose kernels it calls layer by layer.
 *
 * <p>Features are exactly what the training network gets as input: {@link #INPUT_SIZE} floats channel by channel,
 * each channel's rows in turn ({@code C, H, W}: how the loaders deliver images and the conv layers read them),
 * for the declared shape [32, 32, 3], after the training data's preprocessing. {@link #predictPixels} takes
 * raw unsigned pixels instead and applies the preprocessing the packed model records ({@link #pipeline()}:
 * byte scaling, then any contrast normalisation, centering and ZCA whitening, with the values fitted in
 * training), bit for bit as training did.
 *
 * <p>Binary layers keep one sign bit per weight and only add or subtract their inputs; each layer's bias and
 * batch norm are folded into a per-unit scale and shift. The results are the trained network's with
 * deterministic binary weights and batch norm on running statistics, up to float rounding (the packed scale
 * and shift keep 15 mantissa bits).
 *
 * <p>Instances are immutable and thread-safe: every call allocates its own working arrays (activations, and for
 * binary layers of 64 units or more a 16 KB lookup table) rather than sharing scratch buffers. {@link
 * #predict(float[][])} spreads the samples over the common fork-join pool.
 *
 * <p>Layers:
 * <ul>
 * <li>conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1
 * epsilon=1.0E-4, relu</li>
 * <li>conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary
 * H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout
 * 0.1</li>
 * <li>output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm
 * alpha=0.1 epsilon=1.0E-4, identity</li>
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

    static final int CONV1_CHANNELS = 3;

    static final int CONV1_HEIGHT = 32;

    static final int CONV1_WIDTH = 32;

    static final int CONV1_FILTERS = 16;

    static final int CONV1_KERNEL = 5;

    static final int CONV1_STRIDE = 2;

    static final int CONV1_PAD_TOP = 0;

    static final int CONV1_PAD_LEFT = 0;

    static final int CONV1_OUT_HEIGHT = 14;

    static final int CONV1_OUT_WIDTH = 14;

    static final int CONV1_POOL = 0;

    static final int CONV1_POOL_STRIDE = 0;

    static final int CONV1_POOLED_HEIGHT = 0;

    static final int CONV1_POOLED_WIDTH = 0;

    static final int CONV1_FAN_IN = 75;

    /**
     * conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID)
     */
    private static final ConvGeometry CONV1_GEOMETRY = new ConvGeometry(CONV1_CHANNELS,
            CONV1_HEIGHT, CONV1_WIDTH, CONV1_FILTERS, CONV1_KERNEL, CONV1_STRIDE, CONV1_PAD_TOP,
            CONV1_PAD_LEFT, CONV1_OUT_HEIGHT, CONV1_OUT_WIDTH, CONV1_POOL, CONV1_POOL_STRIDE,
            CONV1_POOLED_HEIGHT, CONV1_POOLED_WIDTH);

    static final int CONV2_CHANNELS = 16;

    static final int CONV2_HEIGHT = 14;

    static final int CONV2_WIDTH = 14;

    static final int CONV2_FILTERS = 32;

    static final int CONV2_KERNEL = 3;

    static final int CONV2_STRIDE = 1;

    static final int CONV2_PAD_TOP = 1;

    static final int CONV2_PAD_LEFT = 1;

    static final int CONV2_OUT_HEIGHT = 14;

    static final int CONV2_OUT_WIDTH = 14;

    static final int CONV2_POOL = 3;

    static final int CONV2_POOL_STRIDE = 2;

    static final int CONV2_POOLED_HEIGHT = 6;

    static final int CONV2_POOLED_WIDTH = 6;

    static final int CONV2_FAN_IN = 144;

    static final int CONV2_WORDS = 3;

    /**
     * conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6
     */
    private static final ConvGeometry CONV2_GEOMETRY = new ConvGeometry(CONV2_CHANNELS,
            CONV2_HEIGHT, CONV2_WIDTH, CONV2_FILTERS, CONV2_KERNEL, CONV2_STRIDE, CONV2_PAD_TOP,
            CONV2_PAD_LEFT, CONV2_OUT_HEIGHT, CONV2_OUT_WIDTH, CONV2_POOL, CONV2_POOL_STRIDE,
            CONV2_POOLED_HEIGHT, CONV2_POOLED_WIDTH);

    static final int OUTPUT_INPUTS = 1152;

    static final int OUTPUT_UNITS = 10;

    static final int OUTPUT_WORDS = 18;

    static final int LAYERS = 3;

    /**
     * What training did to raw pixels, with its fitted values, as the packed model records it.
     */
    private final InputPipeline pipeline;

    /**
     * The classes' names in label order; empty when the training data named none.
     */
    private final String[] classNames;

    /**
     * Filter-major: the CONV1_FAN_IN weights of filter f, channel by channel, start at f * CONV1_FAN_IN.
     */
    private final float[] conv1Weights;

    private final float[] conv1Scale;

    private final float[] conv1Shift;

    /**
     * Sign bits as lookup-table offsets ({@link ConvKernels#nibbleOffsets}): (fan-in + 3) / 4 per filter.
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
    private BatchNormCnnInference(PackedModelReader in) throws IOException {
        in.header(NETWORK_NAME, FINGERPRINT, INPUT_SIZE, CLASSES, LAYERS);
        pipeline = in.pipeline(INPUT_SIZE);
        classNames = in.classNames(CLASSES);
        in.conv("conv1", KIND_FULL_PRECISION_CONV, CONV1_GEOMETRY, ACTIVATION_RELU);
        conv1Weights = in.floats(CONV1_FILTERS * CONV1_FAN_IN, "layer conv1 weights");
        conv1Scale = in.f24s(CONV1_FILTERS, "layer conv1 scale");
        conv1Shift = in.f24s(CONV1_FILTERS, "layer conv1 shift");
        in.conv("conv2", KIND_BINARY_CONV, CONV2_GEOMETRY, ACTIVATION_RELU);
        long[] conv2Signs = in.bits(CONV2_FILTERS, CONV2_FAN_IN, CONV2_WORDS,
                "layer conv2 weights");
        conv2Weights = ConvKernels.nibbleOffsets(conv2Signs, CONV2_FILTERS, CONV2_FAN_IN,
                CONV2_WORDS);
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
        return PackedModelReader.readResource(BatchNormCnnInference.class.getResourceAsStream(RESOURCE),
                RESOURCE, BatchNormCnnInference.class, BatchNormCnnInference::new);
    }

    /**
     * Loads a packed model from {@code in}, which must hold exactly one and nothing after it; reads it to its
     * end and leaves it open. Every value is checked against this network before it is used.
     *
     * @throws InvalidModelException if it is not a complete, intact packed model of this network
     */
    public static BatchNormCnnInference load(InputStream in) throws IOException {
        return PackedModelReader.read(in, BatchNormCnnInference::new);
    }

    /**
     * The predicted class of one sample's features, already preprocessed as the training network's inputs
     * were (for raw pixels use {@link #predictPixels}): the index of the largest score, the first one on ties.
     */
    public int predict(float[] features) {
        return Predictions.argmax(scores(features));
    }

    /**
     * The predicted class of every sample of {@code batch}: the same classes as {@link #predict(float[])}
     * gives one sample at a time, computed faster (see {@link #scores(float[][])}).
     */
    public int[] predict(float[][] batch) {
        return Predictions.argmax(scores(batch));
    }

    /**
     * The predicted class of an image given as raw unsigned bytes, 0 to 255 each, in the order of the
     * features: the packed model's input pipeline turns them into the features training saw.
     */
    public int predictPixels(byte[] unsignedPixels) {
        return predict(pipeline.features(unsignedPixels));
    }

    /**
     * The preprocessing {@link #predictPixels} applies, with the values fitted in training (immutable).
     */
    public InputPipeline pipeline() {
        return pipeline;
    }

    /**
     * The name of class {@code index} as the training data gave it (e.g. {@code "Ankle boot"}), or the
     * index as text when the data named no classes.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < CLASSES}
     */
    public String className(int index) {
        Objects.checkIndex(index, CLASSES);
        return classNames.length == 0 ? Integer.toString(index) : classNames[index];
    }

    /**
     * The outputs of the last layer, one per class.
     */
    public float[] scores(float[] features) {
        Predictions.checkLength(features.length, INPUT_SIZE, "features");
        // conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1
        // epsilon=1.0E-4, relu
        float[] conv1Output = ConvKernels.fullPrecisionConv(features, CONV1_GEOMETRY, conv1Weights,
                conv1Scale, conv1Shift);
        DenseKernels.relu(conv1Output);
        // conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary
        // H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout
        // 0.1
        float[] conv2Output = ConvKernels.binaryConv(conv1Output, CONV2_GEOMETRY, conv2Weights,
                conv2Scale, conv2Shift);
        DenseKernels.relu(conv2Output);
        // output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm
        // alpha=0.1 epsilon=1.0E-4, identity
        float[] outputOutput = DenseKernels.binaryDenseBySetBits(conv2Output, outputWeights,
                OUTPUT_WORDS, outputScale, outputShift);
        return outputOutput;
    }

    /**
     * The outputs of the last layer for every sample of {@code batch}, one row per sample, each computed by
     * {@link #scores(float[])} on the threads of the common fork-join pool and the calling thread.
     */
    public float[][] scores(float[][] batch) {
        return Predictions.oneAtATime(batch, INPUT_SIZE, this::scores);
    }
}
