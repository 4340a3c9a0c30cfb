package org.binaryconnect.runtime.train;

import java.util.List;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.binaryconnect.runtime.nn.DenseKernels;
import org.binaryconnect.runtime.nn.LossKernels;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.optim.Parameter;
import org.binaryconnect.runtime.optim.SgdOptimizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A hand-written {@link TrainableNetwork} for the runtime's tests: a full-precision linear softmax classifier of
 * 4x4 images into 3 classes, trained with plain SGD, written the way generated code is (preallocated buffers,
 * {@code Nd4j.gemm} into them).
 */
public class LinearSoftmaxNetwork implements TrainableNetwork {

    public static final int BATCH = 10;
    public static final int INPUTS = 16;
    public static final int CLASSES = 3;

    /** As a generated network declares it (see NetworkClasses.GENERATED_CODE_VERSION). */
    public static final int GENERATED_CODE_VERSION = NetworkClasses.GENERATED_CODE_VERSION;

    public static final NetworkDescription DESCRIPTION = description("linear: dense 16 -> 3, full precision, softmax",
            new TrainingDefaults(4, 0.5, 0.05, 60, 77));

    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES =
            new java.util.concurrent.atomic.AtomicInteger();

    private final NetworkDescription description;
    private final INDArray input;
    private final int[] labels = new int[BATCH];
    private final Parameter weights;
    private final Parameter bias;
    private final INDArray scores;
    private final INDArray scoreGradient;
    private final SgdOptimizer optimizer = new SgdOptimizer(0.0);
    private final long seed;
    private int evaluationPreparations;

    /** How many instances were made in this JVM, for a test that describing a network makes none. */
    static int instances() {
        return INSTANCES.get();
    }

    public LinearSoftmaxNetwork(DataType dataType, long seed) {
        this(dataType, seed, DESCRIPTION);
    }

    public LinearSoftmaxNetwork(DataType dataType, long seed, NetworkDescription description) {
        INSTANCES.incrementAndGet();
        this.description = description;
        this.seed = seed;
        this.input = Nd4j.create(dataType, BATCH, INPUTS);
        this.scores = Nd4j.create(dataType, BATCH, CLASSES);
        this.scoreGradient = Nd4j.create(dataType, BATCH, CLASSES);
        INDArray w = Nd4j.create(dataType, INPUTS, CLASSES);
        Rng rng = new Rng(seed);
        for (int i = 0; i < INPUTS; i++) {
            for (int j = 0; j < CLASSES; j++) {
                w.putScalar(i, j, (rng.nextDouble() - 0.5) * 0.1);
            }
        }
        this.weights = Parameter.plain("linear.W", w);
        this.bias = Parameter.plain("linear.b", Nd4j.create(dataType, 1, CLASSES));
    }

    /** A description of this network's shape with {@code layer} as its one layer line, which the fingerprint covers. */
    public static NetworkDescription description(String layer, TrainingDefaults training) {
        return new NetworkDescription("LinearSoftmax", "org.example.LinearSoftmax", List.of(4, 4), CLASSES, BATCH,
                Binarization.NONE, Loss.SOFTMAX_CROSS_ENTROPY, EvaluationWeights.REAL, 1, "sgd(momentum=0)",
                training, List.of(new LayerDescription("linear", 16, CLASSES, false, 1, false, Double.NaN,
                        Nonlinearity.IDENTITY, 0, layer)));
    }

    public long seed() {
        return seed;
    }

    public int evaluationPreparations() {
        return evaluationPreparations;
    }

    @Override
    public NetworkDescription description() {
        return description;
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
    public void prepareTrainingStep() {
    }

    private void forward() {
        Nd4j.gemm(input, weights.value(), scores, false, false, 1.0, 0.0);
        DenseKernels.addBias(scores, bias.value());
    }

    @Override
    public void backward() {
        LossKernels.softmaxCrossEntropy(scores, labels, scoreGradient);
        Nd4j.gemm(input, scoreGradient, weights.gradient(), true, false, 1.0, 0.0);
        DenseKernels.biasGradient(scoreGradient, bias.gradient());
    }

    @Override
    public double forwardLoss() {
        forward();
        return LossKernels.softmaxCrossEntropy(scores, labels, null);
    }

    @Override
    public void update(double learningRate) {
        optimizer.update(parameters(), learningRate);
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        evaluationPreparations++;
    }

    @Override
    public INDArray predict() {
        forward();
        return scores;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    @Override
    public List<NamedArray> state() {
        return List.of(new NamedArray("linear.W", weights.value()), new NamedArray("linear.b", bias.value()));
    }

    @Override
    public long steps() {
        return optimizer.steps();
    }

    @Override
    public long randomState() {
        return 0;
    }

    @Override
    public void restoreTrainingProgress(long randomState, long steps) {
        optimizer.restoreSteps(steps);
    }

    @Override
    public List<NamedArray> activations() {
        return List.of(new NamedArray("linear.output", scores));
    }
}
