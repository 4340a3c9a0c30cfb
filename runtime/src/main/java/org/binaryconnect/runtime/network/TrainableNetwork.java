package org.binaryconnect.runtime.network;

import java.util.List;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.runtime.optim.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the annotation processor generates for each {@code @Network}: the BinaryConnect training step for one
 * exact network, over buffers allocated once for {@link NetworkDescription#batchSize()} samples.
 *
 * <p>One training step is {@link #prepareTrainingStep()}, {@link #forwardLoss()}, {@link #backward()} and
 * {@link #update(double)}; {@link #trainStep(double)} does them all. Callers fill {@link #input()} (one
 * sample per row; an input declared {@code {height, width, channels}} flattened channel by channel, {@code C, H, W},
 * as the dataset loaders deliver it and convolutions read it) and {@link #labels()} first.
 */
public interface TrainableNetwork {

    NetworkDescription description();

    /** The {@code [batchSize, inputSize]} input buffer the caller fills before each step or prediction. */
    INDArray input();

    /** The class index of each row of {@link #input()}, filled by the caller before each training step. */
    int[] labels();

    /** Binarizes the weights for the next step (a fresh sample when stochastic) and draws dropout masks. */
    void prepareTrainingStep();

    /**
     * The forward pass on batch statistics with the current binary weights and dropout masks. Returns the training
     * loss. Changes nothing but the network's activation buffers.
     */
    double forwardLoss();

    /**
     * The backward pass of the last {@link #forwardLoss()}: fills every {@link Parameter#gradient()} (dL/dWb for
     * binary weights).
     */
    void backward();

    /**
     * Commits the step: the optimizer's update, with BinaryConnect's scaling and clipping, of every parameter, and
     * the BatchNorm running statistics from the last forward pass.
     */
    void update(double learningRate);

    /** Sets the weights predictions use ({@code SAMPLED_AVERAGE} draws one sample per call); never {@code AUTO}. */
    void prepareEvaluation(EvaluationWeights weights);

    /**
     * Scores of every row of {@link #input()} with the weights chosen by {@link #prepareEvaluation}, BatchNorm
     * running statistics and no dropout: the returned {@code [batchSize, classes]} buffer is overwritten by
     * the next call.
     */
    INDArray predict();

    /** Every trainable parameter, in layer order. */
    List<Parameter> parameters();

    /** Everything a trained model consists of: parameter values (real-valued W) and BatchNorm running statistics. */
    List<NamedArray> state();

    /** Number of optimizer steps taken so far. */
    long steps();

    /**
     * The state of the generator behind initialisation, dropout masks and stochastic binarization: with
     * {@link #state()}, the optimizer's moments in {@link #parameters()} and {@link #steps()}, what a checkpoint
     * needs to continue training exactly as an uninterrupted run would.
     */
    long randomState();

    /**
     * Continues from a checkpoint: sets the random generator's state and the optimizer's step count (the arrays
     * are restored into {@link #state()} and the parameters' moments by the caller). The next step binarizes
     * afresh from the restored weights.
     */
    void restoreTrainingProgress(long randomState, long steps);

    /**
     * The activation buffers of the last forward pass in layer order ({@code <layer>.z} before batch norm where
     * there is one, {@code <layer>.output} after the activation): where a NaN first appeared is looked up here.
     */
    List<NamedArray> activations();

    /** {@link #forwardLoss()} then {@link #backward()}: the loss and its gradients for the current batch. */
    default double forwardBackward() {
        double loss = forwardLoss();
        backward();
        return loss;
    }

    default double trainStep(double learningRate) {
        prepareTrainingStep();
        double loss = forwardBackward();
        update(learningRate);
        return loss;
    }
}
