package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a network. The annotated class lists its layers as fields of type {@link Layer}, in source order,
 * each carrying {@link Dense} or {@link Conv2D} and optionally {@link BatchNorm}, {@link Activation} and
 * {@link Dropout} (and {@link MaxPool} on a convolution). Convolution layers come first; the dense layers after
 * them see their output flattened.
 *
 * <p>The annotation processor generates {@code <ClassName>Network} next to the annotated class: the
 * BinaryConnect training code for exactly this network. Defaults follow the authors' MNIST recipe
 * (Courbariaux et al., 2015): stochastic binarization, H = 1, W_LR_scale = Glorot, squared hinge loss.
 *
 * <pre>{@code
 * @Network(input = {28, 28, 1}, classes = 10, binarization = Binarization.DETERMINISTIC)
 * @Training(epochs = 10)
 * public class FashionMlp {
 *     @Dense(units = 1024) @BatchNorm @Activation(Nonlinearity.RELU) Layer hidden1;
 *     @Dense(units = 10) @BatchNorm Layer output;
 * }
 * }</pre>
 *
 * <p>A convolutional network, the seed network of the BinaryConnect TensorFlow port:
 * <pre>{@code
 * @Network(input = {28, 28, 1}, classes = 10, loss = Loss.SOFTMAX_CROSS_ENTROPY)
 * public class SeedCnn {
 *     @Conv2D(filters = 32, kernel = 5) @MaxPool(2) @Activation(Nonlinearity.RELU) Layer conv1;
 *     @Conv2D(filters = 64, kernel = 5) @MaxPool(2) @Activation(Nonlinearity.RELU) Layer conv2;
 *     @Dense(units = 1024) @Activation(Nonlinearity.RELU) Layer hidden;
 *     @Dense(units = 10) Layer output;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {

    /** The keyword accepted by {@link #h()} and {@link #wLrScale()} for the Glorot-derived value. */
    String GLOROT = "Glorot";

    /**
     * Input shape of one sample, e.g. {@code {784}} or {@code {28, 28, 1}} (height, width, channels). Convolutions
     * need {@code {height, width, channels}} (or {@code {height, width}} for one channel); the input rows are
     * filled channel by channel ({@code C, H, W}), as the dataset loaders deliver them.
     */
    int[] input();

    /** Number of classes; the last layer must have exactly this many units. */
    int classes();

    /** How weights of binary layers are binarized during training. */
    Binarization binarization() default Binarization.STOCHASTIC;

    /**
     * The binary weight magnitude H: a positive number such as {@code "1"}, or {@code "Glorot"} for
     * {@code sqrt(1.5 / (fan_in + fan_out))} per layer.
     */
    String h() default "1";

    /**
     * Learning-rate scale of binary weights: a positive number, or {@code "Glorot"} for
     * {@code 1 / sqrt(1.5 / (fan_in + fan_out))} per layer (the authors' choice).
     */
    String wLrScale() default GLOROT;

    /** The training loss. */
    Loss loss() default Loss.SQUARED_HINGE;

    /** Which weights evaluation uses; {@link EvaluationWeights#AUTO} follows the authors. */
    EvaluationWeights evaluation() default EvaluationWeights.AUTO;

    /** Number of sampled binary networks averaged by {@link EvaluationWeights#SAMPLED_AVERAGE}. */
    int evaluationSamples() default 8;
}
