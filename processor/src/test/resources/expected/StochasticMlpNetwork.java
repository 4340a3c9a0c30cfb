package good;

import java.util.List;
import javax.annotation.processing.Generated;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.binaryconnect.runtime.nn.ActivationKernels;
import org.binaryconnect.runtime.nn.BatchNormKernels;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.DenseKernels;
import org.binaryconnect.runtime.nn.DropoutKernels;
import org.binaryconnect.runtime.nn.Gemm;
import org.binaryconnect.runtime.nn.Init;
import org.binaryconnect.runtime.nn.LossKernels;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.optim.AdamOptimizer;
import org.binaryconnect.runtime.optim.Optimizer;
import org.binaryconnect.runtime.optim.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BinaryConnect training code for {@link StochasticMlp}, generated from its annotations.
 *
 * <p>Binarization STOCHASTIC, loss SQUARED_HINGE, optimizer adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8), batch
 * size 100. Layers:
 * <ul>
 * <li>first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu</li>
 * <li>hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15
 * epsilon=1.0E-4, relu, dropout 0.2</li>
 * <li>output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15
 * epsilon=1.0E-4, identity</li>
 * </ul>
 */
@Generated("org.binaryconnect.processor.NetworkProcessor")
public final class StochasticMlpNetwork implements TrainableNetwork {
    /**
     * The version of the generated code, which the runtime checks before training.
     */
    public static final int GENERATED_CODE_VERSION = 4;

    public static final int BATCH_SIZE = 100;

    public static final int INPUT_SIZE = 784;

    public static final int CLASSES = 10;

    static final int FIRST_UNITS = 512;

    static final double FIRST_BN_ALPHA = 0.15;

    static final double FIRST_BN_EPSILON = 1.0E-4;

    static final int HIDDEN_UNITS = 512;

    static final double HIDDEN_H = 1.0;

    static final double HIDDEN_W_LR_SCALE = 1 / Math.sqrt(1.5 / (512 + 512));

    static final double HIDDEN_BN_ALPHA = 0.15;

    static final double HIDDEN_BN_EPSILON = 1.0E-4;

    static final double HIDDEN_DROPOUT = 0.2;

    static final int OUTPUT_UNITS = 10;

    static final double OUTPUT_H = 1.0;

    static final double OUTPUT_W_LR_SCALE = 1 / Math.sqrt(1.5 / (512 + 10));

    static final double OUTPUT_BN_ALPHA = 0.15;

    static final double OUTPUT_BN_EPSILON = 1.0E-4;

    public static final NetworkDescription DESCRIPTION = new NetworkDescription(
            "StochasticMlp", "good.StochasticMlp", List.of(28, 28, 1), CLASSES, BATCH_SIZE,
            Binarization.STOCHASTIC, Loss.SQUARED_HINGE, EvaluationWeights.REAL, 8,
                    "adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8)",
            new TrainingDefaults(250, 0.001, 3.0E-6, 10000, 1234L),
            List.of(
                new LayerDescription("first", 784, 512, false, 1.0, true, FIRST_BN_EPSILON,
                        Nonlinearity.RELU, 0.0,
                    "first: dense 784 -> 512, full precision, batch norm alpha=0.15 "
                            + "epsilon=1.0E-4, relu"),
                new LayerDescription("hidden", 512, 512, true, HIDDEN_H, true, HIDDEN_BN_EPSILON,
                        Nonlinearity.RELU, 0.2,
                    "hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, "
                            + "batch norm alpha=0.15 epsilon=1.0E-4, relu, dropout 0.2"),
                new LayerDescription("output", 512, 10, true, OUTPUT_H, true, OUTPUT_BN_EPSILON,
                        Nonlinearity.IDENTITY, 0.0,
                    "output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, "
                            + "batch norm alpha=0.15 epsilon=1.0E-4, identity")));

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

    private final Parameter firstWeights;

    private final Parameter firstBias;

    private final Parameter firstGamma;

    private final Parameter firstBeta;

    private final INDArray firstRunningMean;

    private final INDArray firstRunningStd;

    private final INDArray firstBatchMean;

    private final INDArray firstBatchStd;

    private final INDArray firstZ;

    private final INDArray firstNormalized;

    private final INDArray firstOutput;

    private final INDArray firstDelta;

    private final Parameter hiddenWeights;

    private final Parameter hiddenBias;

    private final Parameter hiddenGamma;

    private final Parameter hiddenBeta;

    private final INDArray hiddenRunningMean;

    private final INDArray hiddenRunningStd;

    private final INDArray hiddenBatchMean;

    private final INDArray hiddenBatchStd;

    private final INDArray hiddenZ;

    private final INDArray hiddenNormalized;

    private final INDArray hiddenOutput;

    private final INDArray hiddenMask;

    private final INDArray hiddenDelta;

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
    public StochasticMlpNetwork() {
        this(DataType.FLOAT, DESCRIPTION.training().seed());
    }

    /**
     * @param dataType {@code FLOAT} to train, {@code DOUBLE} for gradient checks
     * @param seed seeds initialisation, dropout and stochastic binarization
     */
    public StochasticMlpNetwork(DataType dataType, long seed) {
        rng = new Rng(seed);
        optimizer = new AdamOptimizer(0.9, 0.999, 1.0E-8);
        input = Nd4j.zeros(dataType, BATCH_SIZE, INPUT_SIZE);

        // first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        firstWeights = Parameter.plain("first.W", Nd4j.zeros(dataType, INPUT_SIZE, FIRST_UNITS));
        Init.glorotUniform(firstWeights.value(), INPUT_SIZE, FIRST_UNITS, rng);
        firstBias = Parameter.plain("first.b", Nd4j.zeros(dataType, FIRST_UNITS));
        firstGamma = Parameter.plain("first.gamma", Nd4j.ones(dataType, FIRST_UNITS));
        firstBeta = Parameter.plain("first.beta", Nd4j.zeros(dataType, FIRST_UNITS));
        firstRunningMean = Nd4j.zeros(dataType, FIRST_UNITS);
        firstRunningStd = Nd4j.ones(dataType, FIRST_UNITS);
        firstBatchMean = Nd4j.zeros(dataType, FIRST_UNITS);
        firstBatchStd = Nd4j.zeros(dataType, FIRST_UNITS);
        firstZ = Nd4j.zeros(dataType, BATCH_SIZE, FIRST_UNITS);
        firstNormalized = Nd4j.zeros(dataType, BATCH_SIZE, FIRST_UNITS);
        firstOutput = Nd4j.zeros(dataType, BATCH_SIZE, FIRST_UNITS);
        firstDelta = Nd4j.zeros(dataType, BATCH_SIZE, FIRST_UNITS);

        // hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15
        // epsilon=1.0E-4, relu, dropout 0.2
        hiddenWeights = Parameter.binary("hidden.W", Nd4j.zeros(dataType, FIRST_UNITS,
                HIDDEN_UNITS), HIDDEN_H, HIDDEN_W_LR_SCALE, Binarization.STOCHASTIC, rng);
        Init.uniform(hiddenWeights.value(), HIDDEN_H, rng);
        hiddenBias = Parameter.plain("hidden.b", Nd4j.zeros(dataType, HIDDEN_UNITS));
        hiddenGamma = Parameter.plain("hidden.gamma", Nd4j.ones(dataType, HIDDEN_UNITS));
        hiddenBeta = Parameter.plain("hidden.beta", Nd4j.zeros(dataType, HIDDEN_UNITS));
        hiddenRunningMean = Nd4j.zeros(dataType, HIDDEN_UNITS);
        hiddenRunningStd = Nd4j.ones(dataType, HIDDEN_UNITS);
        hiddenBatchMean = Nd4j.zeros(dataType, HIDDEN_UNITS);
        hiddenBatchStd = Nd4j.zeros(dataType, HIDDEN_UNITS);
        hiddenZ = Nd4j.zeros(dataType, BATCH_SIZE, HIDDEN_UNITS);
        hiddenNormalized = Nd4j.zeros(dataType, BATCH_SIZE, HIDDEN_UNITS);
        hiddenOutput = Nd4j.zeros(dataType, BATCH_SIZE, HIDDEN_UNITS);
        hiddenMask = Nd4j.ones(dataType, BATCH_SIZE, HIDDEN_UNITS);
        hiddenDelta = Nd4j.zeros(dataType, BATCH_SIZE, HIDDEN_UNITS);

        // output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15
        // epsilon=1.0E-4, identity
        outputWeights = Parameter.binary("output.W", Nd4j.zeros(dataType, HIDDEN_UNITS,
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

        parameters = List.of(firstWeights, firstBias, firstGamma, firstBeta, hiddenWeights,
                hiddenBias, hiddenGamma, hiddenBeta, outputWeights, outputBias, outputGamma,
                outputBeta);
        state = List.of(
                    new NamedArray(firstWeights.name(), firstWeights.value()),
                    new NamedArray(firstBias.name(), firstBias.value()),
                    new NamedArray(firstGamma.name(), firstGamma.value()),
                    new NamedArray(firstBeta.name(), firstBeta.value()),
                    new NamedArray("first.runningMean", firstRunningMean),
                    new NamedArray("first.runningStd", firstRunningStd),
                    new NamedArray(hiddenWeights.name(), hiddenWeights.value()),
                    new NamedArray(hiddenBias.name(), hiddenBias.value()),
                    new NamedArray(hiddenGamma.name(), hiddenGamma.value()),
                    new NamedArray(hiddenBeta.name(), hiddenBeta.value()),
                    new NamedArray("hidden.runningMean", hiddenRunningMean),
                    new NamedArray("hidden.runningStd", hiddenRunningStd),
                    new NamedArray(outputWeights.name(), outputWeights.value()),
                    new NamedArray(outputBias.name(), outputBias.value()),
                    new NamedArray(outputGamma.name(), outputGamma.value()),
                    new NamedArray(outputBeta.name(), outputBeta.value()),
                    new NamedArray("output.runningMean", outputRunningMean),
                    new NamedArray("output.runningStd", outputRunningStd));
        activations = List.of(
                    new NamedArray("first.z", firstZ),
                    new NamedArray("first.output", firstOutput),
                    new NamedArray("hidden.z", hiddenZ),
                    new NamedArray("hidden.output", hiddenOutput),
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
            Binarize.stochastic(hiddenWeights.value(), hiddenWeights.propagated(), HIDDEN_H, rng);
            Binarize.stochastic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H, rng);
        }
        binaryWeightsFresh = false;
        DropoutKernels.sampleMask(hiddenMask, HIDDEN_DROPOUT, rng);
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
        // first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        Gemm.multiply(input, false, firstWeights.propagated(), false, firstZ);
        DenseKernels.addBias(firstZ, firstBias.propagated());
        BatchNormKernels.forwardTraining(firstZ, firstGamma.propagated(), firstBeta.propagated(),
                firstBatchMean, firstBatchStd, firstNormalized, firstOutput, FIRST_BN_EPSILON);
        ActivationKernels.relu(firstOutput, firstOutput);
        // hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15
        // epsilon=1.0E-4, relu, dropout 0.2
        Gemm.multiply(firstOutput, false, hiddenWeights.propagated(), false, hiddenZ);
        DenseKernels.addBias(hiddenZ, hiddenBias.propagated());
        BatchNormKernels.forwardTraining(hiddenZ, hiddenGamma.propagated(), hiddenBeta.propagated(),
                hiddenBatchMean, hiddenBatchStd, hiddenNormalized, hiddenOutput, HIDDEN_BN_EPSILON);
        ActivationKernels.relu(hiddenOutput, hiddenOutput);
        DropoutKernels.applyMask(hiddenOutput, hiddenMask);
        // output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15
        // epsilon=1.0E-4, identity
        Gemm.multiply(hiddenOutput, false, outputWeights.propagated(), false, outputZ);
        DenseKernels.addBias(outputZ, outputBias.propagated());
        BatchNormKernels.forwardTraining(outputZ, outputGamma.propagated(), outputBeta.propagated(),
                outputBatchMean, outputBatchStd, outputNormalized, outputOutput, OUTPUT_BN_EPSILON);
    }

    @Override
    public void backward() {
        LossKernels.squaredHinge(outputOutput, labels, outputDelta);
        // output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15
        // epsilon=1.0E-4, identity
        BatchNormKernels.backward(outputDelta, outputNormalized, outputBatchStd,
                outputGamma.propagated(), outputGamma.gradient(), outputBeta.gradient(),
                OUTPUT_BN_EPSILON);
        DenseKernels.biasGradient(outputDelta, outputBias.gradient());
        outputWeights.setGradientToProduct(hiddenOutput, true, outputDelta, false);
        Gemm.multiply(outputDelta, false, outputWeights.propagated(), true, hiddenDelta);
        // hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15
        // epsilon=1.0E-4, relu, dropout 0.2
        DropoutKernels.applyMask(hiddenDelta, hiddenMask);
        ActivationKernels.reluBackward(hiddenDelta, hiddenOutput);
        BatchNormKernels.backward(hiddenDelta, hiddenNormalized, hiddenBatchStd,
                hiddenGamma.propagated(), hiddenGamma.gradient(), hiddenBeta.gradient(),
                HIDDEN_BN_EPSILON);
        DenseKernels.biasGradient(hiddenDelta, hiddenBias.gradient());
        hiddenWeights.setGradientToProduct(firstOutput, true, hiddenDelta, false);
        Gemm.multiply(hiddenDelta, false, hiddenWeights.propagated(), true, firstDelta);
        // first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        ActivationKernels.reluBackward(firstDelta, firstOutput);
        BatchNormKernels.backward(firstDelta, firstNormalized, firstBatchStd,
                firstGamma.propagated(), firstGamma.gradient(), firstBeta.gradient(),
                FIRST_BN_EPSILON);
        DenseKernels.biasGradient(firstDelta, firstBias.gradient());
        firstWeights.setGradientToProduct(input, true, firstDelta, false);
    }

    @Override
    public void update(double learningRate) {
        optimizer.update(parameters, learningRate);
        // the optimizer binarized the binary weights for the next step in the same pass
        binaryWeightsFresh = true;
        BatchNormKernels.updateRunningStatistics(firstRunningMean, firstRunningStd, firstBatchMean,
                firstBatchStd, FIRST_BN_ALPHA);
        BatchNormKernels.updateRunningStatistics(hiddenRunningMean, hiddenRunningStd,
                hiddenBatchMean, hiddenBatchStd, HIDDEN_BN_ALPHA);
        BatchNormKernels.updateRunningStatistics(outputRunningMean, outputRunningStd,
                outputBatchMean, outputBatchStd, OUTPUT_BN_ALPHA);
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        binaryWeightsFresh = false;
        switch (weights) {
            case BINARY -> {
                Binarize.deterministic(hiddenWeights.value(), hiddenWeights.propagated(), HIDDEN_H);
                Binarize.deterministic(outputWeights.value(), outputWeights.propagated(), OUTPUT_H);
            }
            case REAL -> {
                Binarize.real(hiddenWeights.value(), hiddenWeights.propagated());
                Binarize.real(outputWeights.value(), outputWeights.propagated());
            }
            case SAMPLED_AVERAGE -> {
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
        // first: dense 784 -> 512, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        Gemm.multiply(input, false, firstWeights.propagated(), false, firstZ);
        DenseKernels.addBias(firstZ, firstBias.propagated());
        BatchNormKernels.forwardInference(firstZ, firstGamma.propagated(), firstBeta.propagated(),
                firstRunningMean, firstRunningStd, firstOutput, FIRST_BN_EPSILON);
        ActivationKernels.relu(firstOutput, firstOutput);
        // hidden: dense 512 -> 512, binary H=1.0 W_LR_scale=26.127890589687237, batch norm alpha=0.15
        // epsilon=1.0E-4, relu, dropout 0.2
        Gemm.multiply(firstOutput, false, hiddenWeights.propagated(), false, hiddenZ);
        DenseKernels.addBias(hiddenZ, hiddenBias.propagated());
        BatchNormKernels.forwardInference(hiddenZ, hiddenGamma.propagated(),
                hiddenBeta.propagated(), hiddenRunningMean, hiddenRunningStd, hiddenOutput,
                HIDDEN_BN_EPSILON);
        ActivationKernels.relu(hiddenOutput, hiddenOutput);
        // output: dense 512 -> 10, binary H=1.0 W_LR_scale=18.65475810617763, batch norm alpha=0.15
        // epsilon=1.0E-4, identity
        Gemm.multiply(hiddenOutput, false, outputWeights.propagated(), false, outputZ);
        DenseKernels.addBias(outputZ, outputBias.propagated());
        BatchNormKernels.forwardInference(outputZ, outputGamma.propagated(),
                outputBeta.propagated(), outputRunningMean, outputRunningStd, outputOutput,
                OUTPUT_BN_EPSILON);
        return outputOutput;
    }
}
