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
import org.binaryconnect.runtime.nn.BatchNormKernels;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.ChannelBatchNormKernels;
import org.binaryconnect.runtime.nn.Conv2dKernels;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.DenseKernels;
import org.binaryconnect.runtime.nn.DropoutKernels;
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
 * BinaryConnect training code for {@link BatchNormCnn}, generated from its annotations.
 *
 * <p>Binarization STOCHASTIC, loss SQUARED_HINGE, optimizer adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8), batch
 * size 50. Layers:
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
public final class BatchNormCnnNetwork implements TrainableNetwork {
    /**
     * The version of the generated code, which the runtime checks before training.
     */
    public static final int GENERATED_CODE_VERSION = 4;

    public static final int BATCH_SIZE = 50;

    public static final int INPUT_SIZE = 3072;

    public static final int CLASSES = 10;

    static final int CONV1_UNITS = 3136;

    static final ConvShape CONV1_CONV = ConvShape.of(3, 32, 32, 16, 5, 2, Padding.VALID);

    static final double CONV1_BN_ALPHA = 0.1;

    static final double CONV1_BN_EPSILON = 1.0E-4;

    static final int CONV2_UNITS = 1152;

    static final ConvShape CONV2_CONV = ConvShape.of(16, 14, 14, 32, 3, 1, Padding.SAME);

    static final PoolShape CONV2_POOL = PoolShape.of(32, 14, 14, 3, 2);

    static final double CONV2_H = Math.sqrt(1.5 / (144 + 288));

    static final double CONV2_W_LR_SCALE = 1 / Math.sqrt(1.5 / (144 + 288));

    static final double CONV2_BN_ALPHA = 0.1;

    static final double CONV2_BN_EPSILON = 1.0E-4;

    static final double CONV2_DROPOUT = 0.1;

    static final int OUTPUT_UNITS = 10;

    static final double OUTPUT_H = Math.sqrt(1.5 / (1152 + 10));

    static final double OUTPUT_W_LR_SCALE = 1 / Math.sqrt(1.5 / (1152 + 10));

    static final double OUTPUT_BN_ALPHA = 0.1;

    static final double OUTPUT_BN_EPSILON = 1.0E-4;

    public static final NetworkDescription DESCRIPTION = new NetworkDescription(
            "BatchNormCnn", "good.BatchNormCnn", List.of(32, 32, 3), CLASSES, BATCH_SIZE,
            Binarization.STOCHASTIC, Loss.SQUARED_HINGE, EvaluationWeights.REAL, 8,
                    "adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
            new TrainingDefaults(250, 0.001, 3.0E-6, 10000, 1234L),
            List.of(
                new LayerDescription("conv1", 3072, 3136, false, 1.0, true, CONV1_BN_EPSILON,
                        Nonlinearity.RELU, 0.0,
                    "conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, "
                            + "batch norm alpha=0.1 epsilon=1.0E-4, relu",
                    Optional.of(CONV1_CONV), Optional.empty()),
                new LayerDescription("conv2", 3136, 1152, true, CONV2_H, true, CONV2_BN_EPSILON,
                        Nonlinearity.RELU, 0.1,
                    "conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 "
                            + "stride 2 -> 32x6x6, binary H=0.05892556509887896 "
                            + "W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, "
                            + "relu, dropout 0.1",
                    Optional.of(CONV2_CONV), Optional.of(CONV2_POOL)),
                new LayerDescription("output", 1152, 10, true, OUTPUT_H, true, OUTPUT_BN_EPSILON,
                        Nonlinearity.IDENTITY, 0.0,
                    "output: dense 1152 -> 10, binary H=0.03592878785739777 "
                            + "W_LR_scale=27.832834326864138, batch norm alpha=0.1 epsilon=1.0E-4, "
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

    private final Parameter conv1Gamma;

    private final Parameter conv1Beta;

    private final INDArray conv1RunningMean;

    private final INDArray conv1RunningStd;

    private final INDArray conv1BatchMean;

    private final INDArray conv1BatchStd;

    private final INDArray conv1Z;

    private final INDArray conv1Normalized;

    private final INDArray conv1Output;

    private final INDArray conv1Delta;

    /**
     * The im2col workspace: a block of samples' receptive fields and their product.
     */
    private final INDArray conv1Columns;

    private final Parameter conv2Weights;

    private final Parameter conv2Bias;

    private final Parameter conv2Gamma;

    private final Parameter conv2Beta;

    private final INDArray conv2RunningMean;

    private final INDArray conv2RunningStd;

    private final INDArray conv2BatchMean;

    private final INDArray conv2BatchStd;

    private final INDArray conv2Z;

    private final INDArray conv2Normalized;

    private final INDArray conv2Output;

    private final INDArray conv2Mask;

    private final INDArray conv2Delta;

    /**
     * The im2col workspace: a block of samples' receptive fields and their product.
     */
    private final INDArray conv2Columns;

    private final INDArray conv2Convolved;

    private final INDArray conv2ConvolvedDelta;

    private final int[] conv2PoolArgmax;

    private final Parameter outputWeights;

    private final Parameter outputBias;

    private final Parameter outputGamma;

    private final Parameter outputBeta;

    private final INDArray outputRunningMean;

    private final INDArray outputRunningStd;

    private final INDArray outputBatchMean;

    private final INDArray outputBatchStd;

    private final INDArray outputZ;

    private final INDArray outputNormalized;

    private final INDArray outputOutput;

    private final INDArray outputDelta;

    /**
     * A single-precision network initialised from the declared seed.
     */
    public BatchNormCnnNetwork() {
        this(DataType.FLOAT, DESCRIPTION.training().seed());
    }

    /**
     * @param dataType {@code FLOAT} to train, {@code DOUBLE} for gradient checks
     * @param seed seeds initialisation, dropout and stochastic binarization
     */
    public BatchNormCnnNetwork(DataType dataType, long seed) {
        rng = new Rng(seed);
        optimizer = new AdamOptimizer(0.9, 0.999, 1.0E-8);
        input = Nd4j.zeros(dataType, BATCH_SIZE, INPUT_SIZE);

        // conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1
        // epsilon=1.0E-4, relu
        conv1Weights = Parameter.plain("conv1.W", Nd4j.zeros(dataType, CONV1_CONV.filters(),
                CONV1_CONV.fanIn()));
        Init.glorotUniform(conv1Weights.value(), CONV1_CONV.fanIn(), CONV1_CONV.fanOut(), rng);
        conv1Bias = Parameter.plain("conv1.b", Nd4j.zeros(dataType, CONV1_CONV.filters()));
        conv1Gamma = Parameter.plain("conv1.gamma", Nd4j.ones(dataType, CONV1_CONV.filters()));
        conv1Beta = Parameter.plain("conv1.beta", Nd4j.zeros(dataType, CONV1_CONV.filters()));
        conv1RunningMean = Nd4j.zeros(dataType, CONV1_CONV.filters());
        conv1RunningStd = Nd4j.ones(dataType, CONV1_CONV.filters());
        conv1BatchMean = Nd4j.zeros(dataType, CONV1_CONV.filters());
        conv1BatchStd = Nd4j.zeros(dataType, CONV1_CONV.filters());
        conv1Z = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_UNITS);
        conv1Normalized = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_UNITS);
        conv1Output = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_UNITS);
        conv1Delta = Nd4j.zeros(dataType, BATCH_SIZE, CONV1_UNITS);
        conv1Columns = Conv2dKernels.workspace(dataType, CONV1_CONV, BATCH_SIZE);

        // conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary
        // H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout
        // 0.1
        conv2Weights = Parameter.binary("conv2.W", Nd4j.zeros(dataType, CONV2_CONV.filters(),
                CONV2_CONV.fanIn()), CONV2_H, CONV2_W_LR_SCALE, Binarization.STOCHASTIC, rng);
        Init.uniform(conv2Weights.value(), CONV2_H, rng);
        conv2Bias = Parameter.plain("conv2.b", Nd4j.zeros(dataType, CONV2_CONV.filters()));
        conv2Gamma = Parameter.plain("conv2.gamma", Nd4j.ones(dataType, CONV2_CONV.filters()));
        conv2Beta = Parameter.plain("conv2.beta", Nd4j.zeros(dataType, CONV2_CONV.filters()));
        conv2RunningMean = Nd4j.zeros(dataType, CONV2_CONV.filters());
        conv2RunningStd = Nd4j.ones(dataType, CONV2_CONV.filters());
        conv2BatchMean = Nd4j.zeros(dataType, CONV2_CONV.filters());
        conv2BatchStd = Nd4j.zeros(dataType, CONV2_CONV.filters());
        conv2Z = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_UNITS);
        conv2Normalized = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_UNITS);
        conv2Output = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_UNITS);
        conv2Mask = Nd4j.ones(dataType, BATCH_SIZE, CONV2_UNITS);
        conv2Delta = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_UNITS);
        conv2Columns = Conv2dKernels.workspace(dataType, CONV2_CONV, BATCH_SIZE);
        conv2Convolved = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_CONV.outputSize());
        conv2ConvolvedDelta = Nd4j.zeros(dataType, BATCH_SIZE, CONV2_CONV.outputSize());
        conv2PoolArgmax = new int[BATCH_SIZE * CONV2_POOL.outputSize()];

        // output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm
        // alpha=0.1 epsilon=1.0E-4, identity
        outputWeights = Parameter.binary("output.W", Nd4j.zeros(dataType, CONV2_UNITS,
                OUTPUT_UNITS), OUTPUT_H, OUTPUT_W_LR_SCALE, Binarization.STOCHASTIC, rng);
        Init.uniform(outputWeights.value(), OUTPUT_H, rng);
        outputBias = Parameter.plain("output.b", Nd4j.zeros(dataType, OUTPUT_UNITS));
        outputGamma = Parameter.plain("output.gamma", Nd4j.ones(dataType, OUTPUT_UNITS));
        outputBeta = Parameter.plain("output.beta", Nd4j.zeros(dataType, OUTPUT_UNITS));
        outputRunningMean = Nd4j.zeros(dataType, OUTPUT_UNITS);
        outputRunningStd = Nd4j.ones(dataType, OUTPUT_UNITS);
        outputBatchMean = Nd4j.zeros(dataType, OUTPUT_UNITS);
        outputBatchStd = Nd4j.zeros(dataType, OUTPUT_UNITS);
        outputZ = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);
        outputNormalized = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);
        outputOutput = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);
        outputDelta = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);

        parameters = List.of(conv1Weights, conv1Bias, conv1Gamma, conv1Beta, conv2Weights,
                conv2Bias, conv2Gamma, conv2Beta, outputWeights, outputBias, outputGamma,
                outputBeta);
        state = List.of(
                    new NamedArray(conv1Weights.name(), conv1Weights.value()),
                    new NamedArray(conv1Bias.name(), conv1Bias.value()),
                    new NamedArray(conv1Gamma.name(), conv1Gamma.value()),
                    new NamedArray(conv1Beta.name(), conv1Beta.value()),
                    new NamedArray("conv1.runningMean", conv1RunningMean),
                    new NamedArray("conv1.runningStd", conv1RunningStd),
                    new NamedArray(conv2Weights.name(), conv2Weights.value()),
                    new NamedArray(conv2Bias.name(), conv2Bias.value()),
                    new NamedArray(conv2Gamma.name(), conv2Gamma.value()),
                    new NamedArray(conv2Beta.name(), conv2Beta.value()),
                    new NamedArray("conv2.runningMean", conv2RunningMean),
                    new NamedArray("conv2.runningStd", conv2RunningStd),
                    new NamedArray(outputWeights.name(), outputWeights.value()),
                    new NamedArray(outputBias.name(), outputBias.value()),
                    new NamedArray(outputGamma.name(), outputGamma.value()),
                    new NamedArray(outputBeta.name(), outputBeta.value()),
                    new NamedArray("output.runningMean", outputRunningMean),
                    new NamedArray("output.runningStd", outputRunningStd));
        activations = List.of(
                    new NamedArray("conv1.z", conv1Z),
                    new NamedArray("conv1.output", conv1Output),
                    new NamedArray("conv2.z", conv2Z),
                    new NamedArray("conv2.output", conv2Output),
                    new NamedArray("output.z", outputZ),
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
            Binarize.stochastic(conv2Weights.value(), conv2Weights.propagated(), CONV2_H, rng);
            Binarize.stochastic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H, rng);
        }
        binaryWeightsFresh = false;
        DropoutKernels.sampleMask(conv2Mask, CONV2_DROPOUT, rng);
    }

    @Override
    public double forwardLoss() {
        forwardTraining();
        return LossKernels.squaredHinge(outputOutput, labels, null);
    }

    /**
     * The forward pass on batch statistics, with the current binary weights and dropout masks.
     */
    private void forwardTraining() {
        // conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1
        // epsilon=1.0E-4, relu
        Conv2dKernels.forward(CONV1_CONV, input, conv1Weights.propagated(), conv1Bias.propagated(),
                conv1Z, conv1Columns);
        ChannelBatchNormKernels.forwardTraining(conv1Z, conv1Gamma.propagated(),
                conv1Beta.propagated(), conv1BatchMean, conv1BatchStd, conv1Normalized, conv1Output,
                CONV1_BN_EPSILON);
        ActivationKernels.relu(conv1Output, conv1Output);
        // conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary
        // H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout
        // 0.1
        Conv2dKernels.forward(CONV2_CONV, conv1Output, conv2Weights.propagated(),
                conv2Bias.propagated(), conv2Convolved, conv2Columns);
        MaxPoolKernels.forward(CONV2_POOL, conv2Convolved, conv2Z, conv2PoolArgmax);
        ChannelBatchNormKernels.forwardTraining(conv2Z, conv2Gamma.propagated(),
                conv2Beta.propagated(), conv2BatchMean, conv2BatchStd, conv2Normalized, conv2Output,
                CONV2_BN_EPSILON);
        ActivationKernels.relu(conv2Output, conv2Output);
        DropoutKernels.applyMask(conv2Output, conv2Mask);
        // output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm
        // alpha=0.1 epsilon=1.0E-4, identity
        Gemm.multiply(conv2Output, false, outputWeights.propagated(), false, outputZ);
        DenseKernels.addBias(outputZ, outputBias.propagated());
        BatchNormKernels.forwardTraining(outputZ, outputGamma.propagated(), outputBeta.propagated(),
                outputBatchMean, outputBatchStd, outputNormalized, outputOutput, OUTPUT_BN_EPSILON);
    }

    @Override
    public void backward() {
        LossKernels.squaredHinge(outputOutput, labels, outputDelta);
        // output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm
        // alpha=0.1 epsilon=1.0E-4, identity
        BatchNormKernels.backward(outputDelta, outputNormalized, outputBatchStd,
                outputGamma.propagated(), outputGamma.gradient(), outputBeta.gradient(),
                OUTPUT_BN_EPSILON);
        DenseKernels.biasGradient(outputDelta, outputBias.gradient());
        outputWeights.setGradientToProduct(conv2Output, true, outputDelta, false);
        Gemm.multiply(outputDelta, false, outputWeights.propagated(), true, conv2Delta);
        // conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary
        // H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout
        // 0.1
        DropoutKernels.applyMask(conv2Delta, conv2Mask);
        ActivationKernels.reluBackward(conv2Delta, conv2Output);
        ChannelBatchNormKernels.backward(conv2Delta, conv2Normalized, conv2BatchStd,
                conv2Gamma.propagated(), conv2Gamma.gradient(), conv2Beta.gradient(),
                CONV2_BN_EPSILON);
        MaxPoolKernels.backward(CONV2_POOL, conv2Delta, conv2PoolArgmax, conv2ConvolvedDelta);
        Conv2dKernels.biasGradient(CONV2_CONV, conv2ConvolvedDelta, conv2Bias.gradient());
        Conv2dKernels.backwardWeights(CONV2_CONV, conv1Output, conv2ConvolvedDelta,
                conv2Weights.gradient(), conv2Columns);
        Conv2dKernels.backwardInput(CONV2_CONV, conv2ConvolvedDelta, conv2Weights.propagated(),
                conv1Delta, conv2Columns);
        // conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1
        // epsilon=1.0E-4, relu
        ActivationKernels.reluBackward(conv1Delta, conv1Output);
        ChannelBatchNormKernels.backward(conv1Delta, conv1Normalized, conv1BatchStd,
                conv1Gamma.propagated(), conv1Gamma.gradient(), conv1Beta.gradient(),
                CONV1_BN_EPSILON);
        Conv2dKernels.biasGradient(CONV1_CONV, conv1Delta, conv1Bias.gradient());
        Conv2dKernels.backwardWeights(CONV1_CONV, input, conv1Delta, conv1Weights.gradient(),
                conv1Columns);
    }

    @Override
    public void update(double learningRate) {
        optimizer.update(parameters, learningRate);
        // the optimizer binarized the binary weights for the next step in the same pass
        binaryWeightsFresh = true;
        BatchNormKernels.updateRunningStatistics(conv1RunningMean, conv1RunningStd, conv1BatchMean,
                conv1BatchStd, CONV1_BN_ALPHA);
        BatchNormKernels.updateRunningStatistics(conv2RunningMean, conv2RunningStd, conv2BatchMean,
                conv2BatchStd, CONV2_BN_ALPHA);
        BatchNormKernels.updateRunningStatistics(outputRunningMean, outputRunningStd,
                outputBatchMean, outputBatchStd, OUTPUT_BN_ALPHA);
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        binaryWeightsFresh = false;
        switch (weights) {
            case BINARY -> {
                Binarize.deterministic(conv2Weights.value(), conv2Weights.propagated(), CONV2_H);
                Binarize.deterministic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H);
            }
            case REAL -> {
                Binarize.real(conv2Weights.value(), conv2Weights.propagated());
                Binarize.real(outputWeights.value(), outputWeights.propagated());
            }
            case SAMPLED_AVERAGE -> {
                Binarize.stochastic(conv2Weights.value(), conv2Weights.propagated(), CONV2_H, rng);
                Binarize.stochastic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H,
                        rng);
            }
            default -> throw new IllegalArgumentException("evaluate with BINARY, REAL or SAMPLED_AVERAGE weights, not "
                    + weights);
        }
    }

    @Override
    public INDArray predict() {
        // conv1: conv 3x32x32 -> 16x14x14 (5x5 stride 2 VALID), full precision, batch norm alpha=0.1
        // epsilon=1.0E-4, relu
        Conv2dKernels.forward(CONV1_CONV, input, conv1Weights.propagated(), conv1Bias.propagated(),
                conv1Z, conv1Columns);
        ChannelBatchNormKernels.forwardInference(conv1Z, conv1Gamma.propagated(),
                conv1Beta.propagated(), conv1RunningMean, conv1RunningStd, conv1Output,
                CONV1_BN_EPSILON);
        ActivationKernels.relu(conv1Output, conv1Output);
        // conv2: conv 16x14x14 -> 32x14x14 (3x3 stride 1 SAME), max-pool 3 stride 2 -> 32x6x6, binary
        // H=0.05892556509887896 W_LR_scale=16.97056274847714, batch norm alpha=0.1 epsilon=1.0E-4, relu, dropout
        // 0.1
        Conv2dKernels.forward(CONV2_CONV, conv1Output, conv2Weights.propagated(),
                conv2Bias.propagated(), conv2Convolved, conv2Columns);
        MaxPoolKernels.forward(CONV2_POOL, conv2Convolved, conv2Z, conv2PoolArgmax);
        ChannelBatchNormKernels.forwardInference(conv2Z, conv2Gamma.propagated(),
                conv2Beta.propagated(), conv2RunningMean, conv2RunningStd, conv2Output,
                CONV2_BN_EPSILON);
        ActivationKernels.relu(conv2Output, conv2Output);
        // output: dense 1152 -> 10, binary H=0.03592878785739777 W_LR_scale=27.832834326864138, batch norm
        // alpha=0.1 epsilon=1.0E-4, identity
        Gemm.multiply(conv2Output, false, outputWeights.propagated(), false, outputZ);
        DenseKernels.addBias(outputZ, outputBias.propagated());
        BatchNormKernels.forwardInference(outputZ, outputGamma.propagated(),
                outputBeta.propagated(), outputRunningMean, outputRunningStd, outputOutput,
                OUTPUT_BN_EPSILON);
        return outputOutput;
    }
}
