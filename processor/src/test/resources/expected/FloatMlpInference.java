package good;

import static org.binaryconnect.inference.PackedModelFormat.ACTIVATION_IDENTITY;
import static org.binaryconnect.inference.PackedModelFormat.ACTIVATION_RELU;
import static org.binaryconnect.inference.PackedModelFormat.KIND_FULL_PRECISION;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.annotation.processing.Generated;
import org.binaryconnect.inference.BlockKernels;
import org.binaryconnect.inference.DenseKernels;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.inference.InvalidModelException;
import org.binaryconnect.inference.PackedModelReader;
import org.binaryconnect.inference.Predictions;

/**
 * Inference for {@link FloatMlp}, generated from its annotations: it reads the trained weights from the
 * classpath resource {@code FloatMlp.bcpk} that {@code mvn binaryconnect:export} packs next to this class. It
 * needs the JDK and binaryconnect-inference, whose kernels it calls layer by layer.
 *
 * <p>Features are exactly what the training network gets as input: {@link #INPUT_SIZE} floats in the row-major
 * order of the declared shape [784], after the training data's preprocessing. {@link #predictPixels} takes raw
 * unsigned pixels instead and applies the preprocessing the packed model records ({@link #pipeline()}: byte
 * scaling, then any contrast normalisation, centering and ZCA whitening, with the values fitted in training),
 * bit for bit as training did.
 *
 * <p>Binary layers keep one sign bit per weight and only add or subtract their inputs; each layer's bias and
 * batch norm are folded into a per-unit scale and shift. The results are the trained network's with
 * deterministic binary weights and batch norm on running statistics, up to float rounding (the packed scale
 * and shift keep 15 mantissa bits).
 *
 * <p>Instances are immutable and thread-safe: every call allocates its own working arrays (activations, and for
 * binary layers of 64 units or more a 16 KB lookup table) rather than sharing scratch buffers. {@link
 * #predict(float[][])} runs up to {@link #BATCH_BLOCK} samples at once with SIMD loops over the samples and
 * spreads each layer's units over the common fork-join pool; a sample's scores are the same, bit for bit, as
 * one at a time.
 *
 * <p>Layers:
 * <ul>
 * <li>hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu</li>
 * <li>output: dense 256 -> 10, full precision, identity</li>
 * </ul>
 */
@Generated("org.binaryconnect.processor.NetworkProcessor")
public final class FloatMlpInference {
    /**
     * The network a packed model must be for: the spec's simple name.
     */
    public static final String NETWORK_NAME = "FloatMlp";

    /**
     * The declared network's fingerprint: a packed model must have been trained for exactly this structure.
     */
    public static final String FINGERPRINT = "64ad8de62e971a30ecef3ee346a6d729";

    /**
     * The packed model {@link #load()} reads, next to this class.
     */
    public static final String RESOURCE = "FloatMlp.bcpk";

    public static final int INPUT_SIZE = 784;

    public static final int CLASSES = 10;

    static final int HIDDEN_INPUTS = 784;

    static final int HIDDEN_UNITS = 256;

    static final int OUTPUT_INPUTS = 256;

    static final int OUTPUT_UNITS = 10;

    static final int LAYERS = 2;

    /**
     * The most samples {@link #scores(float[][])} computes at once: a batch is cut into blocks of this many.
     */
    public static final int BATCH_BLOCK = BlockKernels.BATCH_BLOCK;

    /**
     * Batches of fewer samples are computed one sample at a time: that is faster for them, and the JIT
     * then compiles the block kernels for long loops only.
     */
    public static final int MIN_BLOCK = BlockKernels.MIN_BLOCK;

    /**
     * What training did to raw pixels, with its fitted values, as the packed model records it.
     */
    private final InputPipeline pipeline;

    /**
     * The classes' names in label order; empty when the training data named none.
     */
    private final String[] classNames;

    /**
     * Unit-major: the weights of unit j start at j * HIDDEN_INPUTS.
     */
    private final float[] hiddenWeights;

    private final float[] hiddenScale;

    private final float[] hiddenShift;

    /**
     * Unit-major: the weights of unit j start at j * OUTPUT_INPUTS.
     */
    private final float[] outputWeights;

    private final float[] outputScale;

    private final float[] outputShift;

    /**
     * Reads and checks a whole packed model, in file order.
     */
    private FloatMlpInference(PackedModelReader in) throws IOException {
        in.header(NETWORK_NAME, FINGERPRINT, INPUT_SIZE, CLASSES, LAYERS);
        pipeline = in.pipeline(INPUT_SIZE);
        classNames = in.classNames(CLASSES);
        in.layer("hidden", KIND_FULL_PRECISION, HIDDEN_INPUTS, HIDDEN_UNITS, ACTIVATION_RELU);
        hiddenWeights = in.floats(HIDDEN_UNITS * HIDDEN_INPUTS, "layer hidden weights");
        hiddenScale = in.f24s(HIDDEN_UNITS, "layer hidden scale");
        hiddenShift = in.f24s(HIDDEN_UNITS, "layer hidden shift");
        in.layer("output", KIND_FULL_PRECISION, OUTPUT_INPUTS, OUTPUT_UNITS, ACTIVATION_IDENTITY);
        outputWeights = in.floats(OUTPUT_UNITS * OUTPUT_INPUTS, "layer output weights");
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
    public static FloatMlpInference load() throws IOException {
        return PackedModelReader.readResource(FloatMlpInference.class.getResourceAsStream(RESOURCE),
                RESOURCE, FloatMlpInference.class, FloatMlpInference::new);
    }

    /**
     * Loads a packed model from {@code in}, which must hold exactly one and nothing after it; reads it to its
     * end and leaves it open. Every value is checked against this network before it is used.
     *
     * @throws InvalidModelException if it is not a complete, intact packed model of this network
     */
    public static FloatMlpInference load(InputStream in) throws IOException {
        return PackedModelReader.read(in, FloatMlpInference::new);
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
        // hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        float[] hiddenOutput = DenseKernels.fullPrecisionDense(features, hiddenWeights, hiddenScale,
                hiddenShift);
        DenseKernels.relu(hiddenOutput);
        // output: dense 256 -> 10, full precision, identity
        float[] outputOutput = DenseKernels.fullPrecisionDense(hiddenOutput, outputWeights,
                outputScale, outputShift);
        return outputOutput;
    }

    /**
     * The outputs of the last layer for every sample of {@code batch}, one row per sample: bit for bit what
     * {@link #scores(float[])} gives for each. Blocks of up to {@link #BATCH_BLOCK} samples go through the network
     * together, with each layer's units spread over the threads of the common fork-join pool and the calling
     * thread; a batch of fewer than {@link #MIN_BLOCK} samples is computed one sample at a time, on the same threads.
     */
    public float[][] scores(float[][] batch) {
        return BlockKernels.scores(batch, INPUT_SIZE, CLASSES, this::scores, this::blockScores);
    }

    /**
     * The last layer's outputs, {@code [class][sample]}, for a block of samples given input-major.
     */
    private float[][] blockScores(float[][] features) {
        // hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        float[][] hiddenOutput = BlockKernels.fullPrecisionDense(features, hiddenWeights,
                hiddenScale, hiddenShift, ACTIVATION_RELU);
        // output: dense 256 -> 10, full precision, identity
        float[][] outputOutput = BlockKernels.fullPrecisionDense(hiddenOutput, outputWeights,
                outputScale, outputShift, ACTIVATION_IDENTITY);
        return outputOutput;
    }
}
