package good;

import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.binaryconnect.runtime.nn.ActivationKernels;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.Conv2dKernels;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.DenseKernels;
import org.binaryconnect.runtime.nn.Gemm;
import org.binaryconnect.runtime.nn.Init;
import org.binaryconnect.runtime.nn.LossKernels;
import org.binaryconnect.runtime.nn.MaxPoolKernels;
import org.binaryconnect.runtime.nn.PoolShape;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.optim.AdamOptimizer;
import org.binaryconnect.runtime.optim.Optimizer;
import org.binaryconnect.runtime.optim.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BinaryConnect training code for {@link SeedCnn}, generated from its annotations.
 *
 * <p>Binarization DETERMINISTIC, loss SOFTMAX_CROSS_ENTROPY, optimizer adam(beta1=0.9, beta2=0.999,
 * epsilon=1.0E-8), batch size 100. Layers:
 * <ul>
 * <li>conv1: conv 1x28x28 -> 32x28x28 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 32x14x14, binary H=1.0
 * W_LR_scale=23.452078799117146, relu</li>
 * <li>conv2: conv 32x14x14 -> 64x14x14 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 64x7x7, binary H=1.0
 * W_LR_scale=40.0, relu</li>
 * <li>hidden: dense 3136 -> 1024, binary H=1.0 W_LR_scale=52.66244708835066, relu</li>
 * <li>output: dense 1024 -> 10, binary H=1.0 W_LR_scale=26.25515822335362, identity</li>
 * </ul>
 */
@Generated("org.binaryconnect.processor.NetworkProcessor")
public final class SeedCnnNetwork implements TrainableNetwork {
    /**
     * The version of the generated code, which the runtime checks before training.
     */
    public static final int GENERATED_CODE_VERSION = 4;

    public static final int BATCH_SIZE = 100;

    public static final int INPUT_SIZE = 784;

    public static final int CLASSES = 10;

    static final int CONV1_UNITS = 6272;

    static final ConvShape CONV1_CONV = ConvShape.of(1, 28, 28, 32, 5, 1, Padding.SAME);

    static final PoolShape CONV1_POOL = PoolShape.of(32, 28, 28, 2, 2);

    static final double CONV1_H = 1.0;

    static final double CONV1_W_LR_SCALE = 1 / Math.sqrt(1.5 / (25 + 800));

    static final int CONV2_UNITS = 3136;

    static final ConvShape CONV2_CONV = ConvShape.of(32, 14, 14, 64, 5, 1, Padding.SAME);

    static final PoolShape CONV2_POOL = PoolShape.of(64, 14, 14, 2, 2);

    static final double CONV2_H = 1.0;

    static final double CONV2_W_LR_SCALE = 1 / Math.sqrt(1.5 / (800 + 1600));

    static final int HIDDEN_UNITS = 1024;

    static final double HIDDEN_H = 1.0;

    static final double HIDDEN_W_LR_SCALE = 1 / Math.sqrt(1.5 / (3136 + 1024));

    static final int OUTPUT_UNITS = 10;

    static final double OUTPUT_H = 1.0;

    static final double OUTPUT_W_LR_SCALE = 1 / Math.sqrt(1.5 / (1024 + 10));

    public static final NetworkDescription DESCRIPTION = new NetworkDescription(
            "SeedCnn", "good.SeedCnn", List.of(28, 28, 1), CLASSES, BATCH_SIZE,
            Binarization.DETERMINISTIC, Loss.SOFTMAX_CROSS_ENTROPY, EvaluationWeights.BINARY, 8,
                    "adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
            new TrainingDefaults(250, 0.001, 3.0E-6, 10000, 1234L),
            List.of(
                new LayerDescription("conv1", 784, 6272, true, CONV1_H, false, Double.NaN,
                        Nonlinearity.RELU, 0.0,
                    "conv1: conv 1x28x28 -> 32x28x28 (5x5 stride 1 SAME), max-pool 2 stride "
                            + "2 -> 32x14x14, binary H=1.0 W_LR_scale=23.452078799117146, relu",
                    Optional.of(CONV1_CONV), Optional.of(CONV1_POOL)),
                new LayerDescription("conv2", 6272, 3136, true, CONV2_H, false, Double.NaN,
                        Nonlinearity.RELU, 0.0,
                    "conv2: conv 32x14x14 -> 64x14x14 (5x5 stride 1 SAME), max-pool 2 "
                            + "stride 2 -> 64x7x7, binary H=1.0 W_LR_scale=40.0, relu",
                    Optional.of(CONV2_CONV), Optional.of(CONV2_POOL)),
                new LayerDescription("hidden", 3136, 1024, true, HIDDEN_H, false, Double.NaN,
                        Nonlinearity.RELU, 0.0,
                    "hidden: dense 3136 -> 1024, binary H=1.0 W_LR_scale=52.66244708835066, "
                            + "relu"),
                new LayerDescription("output", 1024, 10, true, OUTPUT_H, false, Double.NaN,
                        Nonlinearity.IDENTITY, 0.0,
                    "output: dense 1024 -> 10, binary H=1.0 W_LR_scale=26.25515822335362, "
                            + "identity")));

    private final Rng rng;

    private final Optimizer optimizer;

    private final INDArray input;

    private final int[] labels = new int[BATCH_SIZE];

    private final List<Parameter> parameters;

    private final List<NamedArray> state;

    private final List<NamedArray> activations;

    /**
     * Whether the last update already binarized the weights for the next step.
     */
    private boolean binaryWeightsFresh;

    private final Parameter conv1Weights;

    private final Parameter conv1Bias;

    private final INDArray conv1Output;

    private final INDArray conv1Delta;

    /**
     * The im2col workspace: a block of samples' receptive fields and their product.
     */
    private final INDArray conv1Columns;

    private final INDArray conv1Convolved;

    private final INDArray conv1ConvolvedDelta;

    private final int[] conv1PoolArgmax;

    private final Parameter conv2Weights;

    private final Parameter conv2Bias;

    private final INDArray conv2Output;

    private final INDArray conv2Delta;

    /**
     * The im2col workspace: a block of samples' receptive fields and their product.
     */
    private final INDArray conv2Columns;

    private final INDArray conv2Convolved;

    private final INDArray conv2ConvolvedDelta;

    private final int[] conv2PoolArgmax;

    private final Parameter hiddenWeights;

    private final Parameter hiddenBias;

    private final INDArray hiddenOutput;

    private final INDArray hiddenDelta;

    private final Parameter outputWeights;

    private final Parameter outputBias;

    private final INDArray outputOutput;

    private final INDArray outputDelta;

    /**
     * A single-precision network initialised from the declared seed.
     */
    public SeedCnnNetwork() {
        this(DataType.FLOAT, DESCRIPTION.training().seed());
    }

    /**
     * @param dataType {@code FLOAT} to train, {@code DOUBLE} for gradient checks
     * @param seed seeds initialisation, dropout and stochastic binarization
     */
    public SeedCnnNetwork(DataType dataType, long seed) {
        rng = new Rng(seed);
        optimizer = new AdamOptimizer(0.9, 0.999, 1.0E-8);
        input = Nd4j.zeros(dataType, BATCH_SIZE, INPUT_SIZE);

        // conv1: conv 1x28x28 -> 32x28x28 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 32x14x14, binary H=1.0
        // W_LR_scale=23.452078799117146, relu
        conv1Weights = Parameter.binary("conv1.W", Nd4j.zeros(dataType, CONV1_CONV.filters(),
                CONV1_CONV.fanIn()), CONV1_H, CONV1_W_LR_SCALE, Binarization.DETERMINISTIC, rng);
        Init.uniform(conv1Weights.value(), CONV1_H, rng);
        conv1Bias = Parameter.plain("conv1.b", Nd4j.zeros(dataType, CONV1_CONV.filters()));
        conv1Output = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_UNITS);
        conv1Delta = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_UNITS);
        conv1Columns = Conv2dKernels.workspace(dataType, CONV1_CONV, BATCH_SIZE);
        conv1Convolved = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_CONV.outputSize());
        conv1ConvolvedDelta = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_CONV.outputSize());
        conv1PoolArgmax = new int[BATCH_SIZE * CONV1_POOL.outputSize()];

        // conv2: conv 32x14x14 -> 64x14x14 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 64x7x7, binary H=1.0
        // W_LR_scale=40.0, relu
        conv2Weights = Parameter.binary("conv2.W", Nd4j.zeros(dataType, CONV2_CONV.filters(),
                CONV2_CONV.fanIn()), CONV2_H, CONV2_W_LR_SCALE, Binarization.DETERMINISTIC, rng);
        Init.uniform(conv2Weights.value(), CONV2_H, rng);
        conv2Bias = Parameter.plain("conv2.b", Nd4j.zeros(dataType, CONV2_CONV.filters()));
        conv2Output = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_UNITS);
        conv2Delta = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_UNITS);
        conv2Columns = Conv2dKernels.workspace(dataType, CONV2_CONV, BATCH_SIZE);
        conv2Convolved = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_CONV.outputSize());
        conv2ConvolvedDelta = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_CONV.outputSize());
        conv2PoolArgmax = new int[BATCH_SIZE * CONV2_POOL.outputSize()];

        // hidden: dense 3136 -> 1024, binary H=1.0 W_LR_scale=52.66244708835066, relu
        hiddenWeights = Parameter.binary("hidden.W", Nd4j.zeros(dataType, CONV2_UNITS,
                HIDDEN_UNITS), HIDDEN_H, HIDDEN_W_LR_SCALE, Binarization.DETERMINISTIC, rng);
        Init.uniform(hiddenWeights.value(), HIDDEN_H, rng);
        hiddenBias = Parameter.plain("hidden.b", Nd4j.zeros(dataType, HIDDEN_UNITS));
        hiddenOutput = Nd4j.zeros(dataType, BATCH_SIZE, HIDDEN_UNITS);
        hiddenDelta = Nd4j.zeros(dataType, BATCH_SIZE, HIDDEN_UNITS);

        // output: dense 1024 -> 10, binary H=1.0 W_LR_scale=26.25515822335362, identity
        outputWeights = Parameter.binary("output.W", Nd4j.zeros(dataType, HIDDEN_UNITS,
                OUTPUT_UNITS), OUTPUT_H, OUTPUT_W_LR_SCALE, Binarization.DETERMINISTIC, rng);
        Init.uniform(outputWeights.value(), OUTPUT_H, rng);
        outputBias = Parameter.plain("output.b", Nd4j.zeros(dataType, OUTPUT_UNITS));
        outputOutput = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);
        outputDelta = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);

        parameters = List.of(conv1Weights, conv1Bias, conv2Weights, conv2Bias, hiddenWeights,
                hiddenBias, outputWeights, outputBias);
        state = List.of(
                    new NamedArray(conv1Weights.name(), conv1Weights.value()),
                    new NamedArray(conv1Bias.name(), conv1Bias.value()),
                    new NamedArray(conv2Weights.name(), conv2Weights.value()),
                    new NamedArray(conv2Bias.name(), conv2Bias.value()),
                    new NamedArray(hiddenWeights.name(), hiddenWeights.value()),
                    new NamedArray(hiddenBias.name(), hiddenBias.value()),
                    new NamedArray(outputWeights.name(), outputWeights.value()),
                    new NamedArray(outputBias.name(), outputBias.value()));
        activations = List.of(
                    new NamedArray("conv1.output", conv1Output),
                    new NamedArray("conv2.output", conv2Output),
                    new NamedArray("hidden.output", hiddenOutput),
                    new NamedArray("output.output", outputOutput));
    }

    @Override
    public NetworkDescription description() {
        return DESCRIPTION;
    }

    @Override
    public INDArray input() {
        return input;
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public List<NamedArray> state() {
        return state;
    }

    @Override
    public long steps() {
        return optimizer.steps();
    }

    @Override
    public List<NamedArray> activations() {
        return activations;
    }

    @Override
    public long randomState() {
        return rng.state();
    }

    @Override
    public void restoreTrainingProgress(long randomState, long steps) {
        rng.restore(randomState);
        optimizer.restoreSteps(steps);
        // the next step binarizes from the restored weights and random state
        binaryWeightsFresh = false;
    }

    @Override
    public void prepareTrainingStep() {
        if (!binaryWeightsFresh) {
            Binarize.deterministic(conv1Weights.value(), conv1Weights.propagated(), CONV1_H);
            Binarize.deterministic(conv2Weights.value(), conv2Weights.propagated(), CONV2_H);
            Binarize.deterministic(hiddenWeights.value(), hiddenWeights.propagated(), HIDDEN_H);
            Binarize.deterministic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H);
        }
        binaryWeightsFresh = false;
    }

    @Override
    public double forwardLoss() {
        forwardTraining();
        return LossKernels.softmaxCrossEntropy(outputOutput, labels, null);
    }

    /**
     * The forward pass on batch statistics, with the current binary weights and dropout masks.
     */
    private void forwardTraining() {
        // conv1: conv 1x28x28 -> 32x28x28 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 32x14x14, binary H=1.0
        // W_LR_scale=23.452078799117146, relu
        Conv2dKernels.forward(CONV1_CONV, input, conv1Weights.propagated(), conv1Bias.propagated(),
                conv1Convolved, conv1Columns);
        MaxPoolKernels.forward(CONV1_POOL, conv1Convolved, conv1Output, conv1PoolArgmax);
        ActivationKernels.relu(conv1Output, conv1Output);
        // conv2: conv 32x14x14 -> 64x14x14 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 64x7x7, binary H=1.0
        // W_LR_scale=40.0, relu
        Conv2dKernels.forward(CONV2_CONV, conv1Output, conv2Weights.propagated(),
                conv2Bias.propagated(), conv2Convolved, conv2Columns);
        MaxPoolKernels.forward(CONV2_POOL, conv2Convolved, conv2Output, conv2PoolArgmax);
        ActivationKernels.relu(conv2Output, conv2Output);
        // hidden: dense 3136 -> 1024, binary H=1.0 W_LR_scale=52.66244708835066, relu
        Gemm.multiply(conv2Output, false, hiddenWeights.propagated(), false, hiddenOutput);
        DenseKernels.addBias(hiddenOutput, hiddenBias.propagated());
        ActivationKernels.relu(hiddenOutput, hiddenOutput);
        // output: dense 1024 -> 10, binary H=1.0 W_LR_scale=26.25515822335362, identity
        Gemm.multiply(hiddenOutput, false, outputWeights.propagated(), false, outputOutput);
        DenseKernels.addBias(outputOutput, outputBias.propagated());
    }

    @Override
    public void backward() {
        LossKernels.softmaxCrossEntropy(outputOutput, labels, outputDelta);
        // output: dense 1024 -> 10, binary H=1.0 W_LR_scale=26.25515822335362, identity
        DenseKernels.biasGradient(outputDelta, outputBias.gradient());
        outputWeights.setGradientToProduct(hiddenOutput, true, outputDelta, false);
        Gemm.multiply(outputDelta, false, outputWeights.propagated(), true, hiddenDelta);
        // hidden: dense 3136 -> 1024, binary H=1.0 W_LR_scale=52.66244708835066, relu
        ActivationKernels.reluBackward(hiddenDelta, hiddenOutput);
        DenseKernels.biasGradient(hiddenDelta, hiddenBias.gradient());
        hiddenWeights.setGradientToProduct(conv2Output, true, hiddenDelta, false);
        Gemm.multiply(hiddenDelta, false, hiddenWeights.propagated(), true, conv2Delta);
        // conv2: conv 32x14x14 -> 64x14x14 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 64x7x7, binary H=1.0
        // W_LR_scale=40.0, relu
        ActivationKernels.reluBackward(conv2Delta, conv2Output);
        MaxPoolKernels.backward(CONV2_POOL, conv2Delta, conv2PoolArgmax, conv2ConvolvedDelta);
        Conv2dKernels.biasGradient(CONV2_CONV, conv2ConvolvedDelta, conv2Bias.gradient());
        Conv2dKernels.backwardWeights(CONV2_CONV, conv1Output, conv2ConvolvedDelta,
                conv2Weights.gradient(), conv2Columns);
        Conv2dKernels.backwardInput(CONV2_CONV, conv2ConvolvedDelta, conv2Weights.propagated(),
                conv1Delta, conv2Columns);
        // conv1: conv 1x28x28 -> 32x28x28 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 32x14x14, binary H=1.0
        // W_LR_scale=23.452078799117146, relu
        ActivationKernels.reluBackward(conv1Delta, conv1Output);
        MaxPoolKernels.backward(CONV1_POOL, conv1Delta, conv1PoolArgmax, conv1ConvolvedDelta);
        Conv2dKernels.biasGradient(CONV1_CONV, conv1ConvolvedDelta, conv1Bias.gradient());
        Conv2dKernels.backwardWeights(CONV1_CONV, input, conv1ConvolvedDelta,
                conv1Weights.gradient(), conv1Columns);
    }

    @Override
    public void update(double learningRate) {
        optimizer.update(parameters, learningRate);
        // the optimizer binarized the binary weights for the next step in the same pass
        binaryWeightsFresh = true;
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        binaryWeightsFresh = false;
        switch (weights) {
            case BINARY -> {
                Binarize.deterministic(conv1Weights.value(), conv1Weights.propagated(), CONV1_H);
                Binarize.deterministic(conv2Weights.value(), conv2Weights.propagated(), CONV2_H);
                Binarize.deterministic(hiddenWeights.value(), hiddenWeights.propagated(), HIDDEN_H);
                Binarize.deterministic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H);
            }
            case REAL -> {
                Binarize.real(conv1Weights.value(), conv1Weights.propagated());
                Binarize.real(conv2Weights.value(), conv2Weights.propagated());
                Binarize.real(hiddenWeights.value(), hiddenWeights.propagated());
                Binarize.real(outputWeights.value(), outputWeights.propagated());
            }
            case SAMPLED_AVERAGE -> {
                Binarize.stochastic(conv1Weights.value(), conv1Weights.propagated(), CONV1_H, rng);
                Binarize.stochastic(conv2Weights.value(), conv2Weights.propagated(), CONV2_H, rng);
                Binarize.stochastic(hiddenWeights.value(), hiddenWeights.propagated(), HIDDEN_H,
                        rng);
                Binarize.stochastic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H,
                        rng);
            }
            default -> throw new IllegalArgumentException("evaluate with BINARY, REAL or SAMPLED_AVERAGE weights, not "
                    + weights);
        }
    }

    @Override
    public INDArray predict() {
        // conv1: conv 1x28x28 -> 32x28x28 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 32x14x14, binary H=1.0
        // W_LR_scale=23.452078799117146, relu
        Conv2dKernels.forward(CONV1_CONV, input, conv1Weights.propagated(), conv1Bias.propagated(),
                conv1Convolved, conv1Columns);
        MaxPoolKernels.forward(CONV1_POOL, conv1Convolved, conv1Output, conv1PoolArgmax);
        ActivationKernels.relu(conv1Output, conv1Output);
        // conv2: conv 32x14x14 -> 64x14x14 (5x5 stride 1 SAME), max-pool 2 stride 2 -> 64x7x7, binary H=1.0
        // W_LR_scale=40.0, relu
        Conv2dKernels.forward(CONV2_CONV, conv1Output, conv2Weights.propagated(),
                conv2Bias.propagated(), conv2Convolved, conv2Columns);
        MaxPoolKernels.forward(CONV2_POOL, conv2Convolved, conv2Output, conv2PoolArgmax);
        ActivationKernels.relu(conv2Output, conv2Output);
        // hidden: dense 3136 -> 1024, binary H=1.0 W_LR_scale=52.66244708835066, relu
        Gemm.multiply(conv2Output, false, hiddenWeights.propagated(), false, hiddenOutput);
        DenseKernels.addBias(hiddenOutput, hiddenBias.propagated());
        ActivationKernels.relu(hiddenOutput, hiddenOutput);
        // output: dense 1024 -> 10, binary H=1.0 W_LR_scale=26.25515822335362, identity
        Gemm.multiply(hiddenOutput, false, outputWeights.propagated(), false, outputOutput);
        DenseKernels.addBias(outputOutput, outputBias.propagated());
        return outputOutput;
    }
}
