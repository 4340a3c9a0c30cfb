package org.binaryconnect.runtime.train;

import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.optim.Parameter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * For evaluation tests: 3 features, 3 classes, and the scores of a row are its input plus the offsets of the current
 * evaluation pass (pass k = the k-th {@link #prepareEvaluation} call), so tests control exactly what is predicted.
 */
final class ScriptedScoresNetwork implements TrainableNetwork {

    static final int CLASSES = 3;

    private final NetworkDescription description;
    private final INDArray input;
    private final INDArray scores;
    private final int[] labels;
    private final double[][] passOffsets;
    final List<EvaluationWeights> preparations = new ArrayList<>();
    int predictions;

    ScriptedScoresNetwork(int batchSize, EvaluationWeights evaluation, int evaluationSamples, double[]... passOffsets) {
        this.description = new NetworkDescription("Scripted", "test.Scripted", List.of(CLASSES), CLASSES, batchSize,
                Binarization.STOCHASTIC, Loss.SQUARED_HINGE, evaluation, evaluationSamples, "none",
                new TrainingDefaults(1, 1, 1, 0, 1), List.of(new LayerDescription("identity", CLASSES, CLASSES, false, 1,
                        false, Double.NaN, Nonlinearity.IDENTITY, 0, "identity")));
        this.input = Nd4j.create(DataType.FLOAT, batchSize, CLASSES);
        this.scores = Nd4j.create(DataType.FLOAT, batchSize, CLASSES);
        this.labels = new int[batchSize];
        this.passOffsets = passOffsets;
    }

    @Override
    public void prepareEvaluation(EvaluationWeights weights) {
        preparations.add(weights);
    }

    @Override
    public INDArray predict() {
        predictions++;
        double[] offsets = passOffsets[(preparations.size() - 1) % passOffsets.length];
        Buf in = Buf.of(input);
        Buf out = Buf.of(scores);
        for (int i = 0; i < out.length(); i++) {
            out.set(i, in.get(i) + offsets[i % CLASSES]);
        }
        return scores;
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void backward() {
        throw new UnsupportedOperationException();
    }

    @Override
    public double forwardLoss() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void update(double learningRate) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public List<NamedArray> state() {
        return List.of();
    }

    @Override
    public long steps() {
        return 0;
    }

    @Override
    public long randomState() {
        return 0;
    }

    @Override
    public void restoreTrainingProgress(long randomState, long steps) {
    }

    @Override
    public List<NamedArray> activations() {
        return List.of();
    }
}
