package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D convolution layer: {@link #filters()} square kernels of {@link #kernel()} x {@link #kernel()} over every
 * input channel, with the binarized weights when {@link #binary()}, plus one bias per filter. The field may also
 * carry, applied in this order, {@link MaxPool}, {@link BatchNorm} (one mean and std per filter, over the batch and
 * every position), {@link Activation} and {@link Dropout}: the authors' CIFAR-10 order (conv, pool, batch norm,
 * nonlinearity).
 *
 * <p>Convolution layers come before the dense layers; the first dense layer after them sees their output
 * flattened channel by channel. The processor infers every shape from the {@link Network#input()} and fails the
 * build, on the offending value, when a kernel or pool does not fit its input.
 *
 * <pre>{@code
 * @Conv2D(filters = 128, kernel = 3) @MaxPool(2) @BatchNorm @Activation(Nonlinearity.RELU) Layer conv2;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv2D {

    /** Number of kernels, that is of output channels. */
    int filters();

    /** Height and width of each kernel. */
    int kernel();

    /** Step between two kernel positions, along both axes. */
    int stride() default 1;

    /** Zero padding: {@link Padding#SAME} keeps {@code ceil(size / stride)}; {@link Padding#VALID} pads nothing. */
    Padding padding() default Padding.SAME;

    /**
     * Whether this layer's weights are binarized. Set {@code false} to keep a first layer in full precision;
     * ignored when the network's binarization is {@link Binarization#NONE}.
     */
    boolean binary() default true;
}
