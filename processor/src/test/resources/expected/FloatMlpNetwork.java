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
import org.binaryconnect.runtime.nn.DenseKernels;
import org.binaryconnect.runtime.nn.Gemm;
import org.binaryconnect.runtime.nn.Init;
import org.binaryconnect.runtime.nn.LossKernels;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.optim.Optimizer;
import org.binaryconnect.runtime.optim.Parameter;
import org.binaryconnect.runtime.optim.SgdOptimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BinaryConnect training code for {@link FloatMlp}, generated from its annotations.
 *
 * <p>Binarization NONE, loss SOFTMAX_CROSS_ENTROPY, optimizer sgd(momentum=0.9), batch size 64. Layers:
 * <ul>
 * <li>hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu</li>
 * <li>output: dense 256 -> 10, full precision, identity</li>
 * </ul>
 */
@Generated("org.binaryconnect.processor.NetworkProcessor")
public final class FloatMlpNetwork implements TrainableNetwork {
    /**
     * The version of the generated code, which the runtime checks before training.
     */
    public static final int GENERATED_CODE_VERSION = 4;

    public static final int BATCH_SIZE = 64;

    public static final int INPUT_SIZE = 784;

    public static final int CLASSES = 10;

    static final int HIDDEN_UNITS = 256;

    static final double HIDDEN_BN_ALPHA = 0.15;

    static final double HIDDEN_BN_EPSILON = 1.0E-4;

    static final int OUTPUT_UNITS = 10;

    public static final NetworkDescription DESCRIPTION = new NetworkDescription(
            "FloatMlp", "good.FloatMlp", List.of(784), CLASSES, BATCH_SIZE,
            Binarization.NONE, Loss.SOFTMAX_CROSS_ENTROPY, EvaluationWeights.REAL, 8,
                    "sgd(momentum=0.9)",
            new TrainingDefaults(20, 0.01, 1.0E-4, 10000, 42L),
            List.of(
                new LayerDescription("hidden", 784, 256, false, 1.0, true, HIDDEN_BN_EPSILON,
                        Nonlinearity.RELU, 0.0,
                    "hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 "
                            + "epsilon=1.0E-4, relu"),
                new LayerDescription("output", 256, 10, false, 1.0, false, Double.NaN,
                        Nonlinearity.IDENTITY, 0.0,
                    "output: dense 256 -> 10, full precision, identity")));

    private final Rng rng;

    private final Optimizer optimizer;

    private final INDArray input;

    private final int[] labels = new int[BATCH_SIZE];

    private final List<Parameter> parameters;

    private final List<NamedArray> state;

    private final List<NamedArray> activations;

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

    private final INDArray hiddenDelta;

    private final Parameter outputWeights;

    private final Parameter outputBias;

    private final INDArray outputOutput;

    private final INDArray outputDelta;

    /**
     * A single-precision network initialised from the declared seed.
     */
    public FloatMlpNetwork() {
        this(DataType.FLOAT, DESCRIPTION.training().seed());
    }

    /**
     * @param dataType {@code FLOAT} to train, {@code DOUBLE} for gradient checks
     * @param seed seeds initialisation, dropout and stochastic binarization
     */
    public FloatMlpNetwork(DataType dataType, long seed) {
        rng = new Rng(seed);
        optimizer = new SgdOptimizer(0.9);
        input = Nd4j.zeros(dataType, BATCH_SIZE, INPUT_SIZE);

        // hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        hiddenWeights = Parameter.plain("hidden.W", Nd4j.zeros(dataType, INPUT_SIZE, HIDDEN_UNITS));
        Init.glorotUniform(hiddenWeights.value(), INPUT_SIZE, HIDDEN_UNITS, rng);
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
        hiddenDelta = Nd4j.zeros(dataType, BATCH_SIZE, HIDDEN_UNITS);

        // output: dense 256 -> 10, full precision, identity
        outputWeights = Parameter.plain("output.W", Nd4j.zeros(dataType, HIDDEN_UNITS,
                OUTPUT_UNITS));
        Init.glorotUniform(outputWeights.value(), HIDDEN_UNITS, OUTPUT_UNITS, rng);
        outputBias = Parameter.plain("output.b", Nd4j.zeros(dataType, OUTPUT_UNITS));
        outputOutput = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);
        outputDelta = Nd4j.zeros(dataType, BATCH_SIZE, OUTPUT_UNITS);

        parameters = List.of(hiddenWeights, hiddenBias, hiddenGamma, hiddenBeta, outputWeights,
                outputBias);
        state = List.of(
                    new NamedArray(hiddenWeights.name(), hiddenWeights.value()),
                    new NamedArray(hiddenBias.name(), hiddenBias.value()),
                    new NamedArray(hiddenGamma.name(), hiddenGamma.value()),
                    new NamedArray(hiddenBeta.name(), hiddenBeta.value()),
                    new NamedArray("hidden.runningMean", hiddenRunningMean),
                    new NamedArray("hidden.runningStd", hiddenRunningStd),
                    new NamedArray(outputWeights.name(), outputWeights.value()),
                    new NamedArray(outputBias.name(), outputBias.value()));
        activations = List.of(
                    new NamedArray("hidden.z", hiddenZ),
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
    }

    @Override
    public void prepareTrainingStep() {
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
        // hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        Gemm.multiply(input, false, hiddenWeights.propagated(), false, hiddenZ);
        DenseKernels.addBias(hiddenZ, hiddenBias.propagated());
        BatchNormKernels.forwardTraining(hiddenZ, hiddenGamma.propagated(), hiddenBeta.propagated(),
                hiddenBatchMean, hiddenBatchStd, hiddenNormalized, hiddenOutput, HIDDEN_BN_EPSILON);
        ActivationKernels.relu(hiddenOutput, hiddenOutput);
        // output: dense 256 -> 10, full precision, identity
        Gemm.multiply(hiddenOutput, false, outputWeights.propagated(), false, outputOutput);
        DenseKernels.addBias(outputOutput, outputBias.propagated());
    }

    @Override
    public void backward() {
        LossKernels.softmaxCrossEntropy(outputOutput, labels, outputDelta);
        // output: dense 256 -> 10, full precision, identity
        DenseKernels.biasGradient(outputDelta, outputBias.gradient());
        outputWeights.setGradientToProduct(hiddenOutput, true, outputDelta, false);
        Gemm.multiply(outputDelta, false, outputWeights.propagated(), true, hiddenDelta);
        // hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        ActivationKernels.reluBackward(hiddenDelta, hiddenOutput);
        BatchNormKernels.backward(hiddenDelta, hiddenNormalized, hiddenBatchStd,
                hiddenGamma.propagated(), hiddenGamma.gradient(), hiddenBeta.gradient(),
                HIDDEN_BN_EPSILON);
        DenseKernels.biasGradient(hiddenDelta, hiddenBias.gradient());
        hiddenWeights.setGradientToProduct(input, true, hiddenDelta, false);
    }

    @Override
    public void update(double learningRate) {
        optimizer.update(parameters, learningRate);
        BatchNormKernels.updateRunningStatistics(hiddenRunningMean, hiddenRunningStd,
                hiddenBatchMean, hiddenBatchStd, HIDDEN_BN_ALPHA);
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        switch (weights) {
            case BINARY -> {
            }
            case REAL -> {
            }
            case SAMPLED_AVERAGE -> {
            }
            default -> throw new IllegalArgumentException("evaluate with BINARY, REAL or SAMPLED_AVERAGE weights, not "
                    + weights);
        }
    }

    @Override
    public INDArray predict() {
        // hidden: dense 784 -> 256, full precision, batch norm alpha=0.15 epsilon=1.0E-4, relu
        Gemm.multiply(input, false, hiddenWeights.propagated(), false, hiddenZ);
        DenseKernels.addBias(hiddenZ, hiddenBias.propagated());
        BatchNormKernels.forwardInference(hiddenZ, hiddenGamma.propagated(),
                hiddenBeta.propagated(), hiddenRunningMean, hiddenRunningStd, hiddenOutput,
                HIDDEN_BN_EPSILON);
        ActivationKernels.relu(hiddenOutput, hiddenOutput);
        // output: dense 256 -> 10, full precision, identity
        Gemm.multiply(hiddenOutput, false, outputWeights.propagated(), false, outputOutput);
        DenseKernels.addBias(outputOutput, outputBias.propagated());
        return outputOutput;
    }
}
