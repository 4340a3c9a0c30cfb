package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.binaryconnect.runtime.optim.AdamOptimizer;
import org.binaryconnect.runtime.optim.Optimizer;
import org.binaryconnect.runtime.optim.Parameter;
import org.binaryconnect.runtime.optim.SgdOptimizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The single-precision fast paths compute what the double-precision paths (the ones the gradient checks verify)
 * compute, on the same inputs, to float accuracy. Sizes exceed one chunk so that chunking is covered too.
 */
class SinglePrecisionPathTest {

    private static final long ROWS = 7;
    private static final long UNITS = 1300;

    @Test
    void denseKernelsAgree() {
        INDArray z = data(1, ROWS, UNITS);
        INDArray bias = data(2, UNITS);
        assertAgree(a -> DenseKernels.addBias(a[0], a[1]), 0, z, bias);
        assertAgree(a -> DenseKernels.biasGradient(a[0], a[1]), 1, z, bias);
    }

    @Test
    void activationKernelsAgree() {
        INDArray in = data(3, ROWS, UNITS);
        INDArray out = in.dup();
        ActivationKernels.relu(in, out);
        assertAgree(a -> ActivationKernels.relu(a[0], a[1]), 1, in, out.dup().assign(0));
        assertAgree(a -> ActivationKernels.reluBackward(a[0], a[1]), 0, data(4, ROWS, UNITS), out);
    }

    @Test
    void batchNormKernelsAgree() {
        INDArray z = data(5, ROWS, UNITS);
        INDArray gamma = data(6, UNITS).addi(2);
        INDArray beta = data(7, UNITS);
        INDArray mean = data(0, UNITS);
        INDArray std = data(0, UNITS);
        INDArray xhat = data(0, ROWS, UNITS);
        INDArray out = data(0, ROWS, UNITS);
        for (int checked : new int[] {3, 4, 5, 6}) {
            assertAgree(a -> BatchNormKernels.forwardTraining(a[0], a[1], a[2], a[3], a[4], a[5], a[6], 1e-4), checked,
                    z, gamma, beta, mean, std, xhat, out);
        }
        BatchNormKernels.forwardTraining(z, gamma, beta, mean, std, xhat, out, 1e-4);
        for (int checked : new int[] {0, 4, 5}) {
            assertAgree(a -> BatchNormKernels.backward(a[0], a[1], a[2], a[3], a[4], a[5], 1e-4), checked,
                    data(8, ROWS, UNITS), xhat, std, gamma, data(0, UNITS), data(0, UNITS));
        }
    }

    @Test
    void dropoutMaskIsAppliedAlike() {
        INDArray mask = data(0, ROWS, UNITS);
        DropoutKernels.sampleMask(mask, 0.3, new Rng(9));
        assertAgree(a -> DropoutKernels.applyMask(a[0], a[1]), 0, data(10, ROWS, UNITS), mask);
    }

    @Test
    void binarizationIsIdenticalInBothPrecisions() {
        INDArray w = data(11, ROWS, UNITS);
        assertAgree(a -> Binarize.deterministic(a[0], a[1], 0.5), 1, w, data(0, ROWS, UNITS));
        assertAgree(a -> Binarize.stochastic(a[0], a[1], 0.5, new Rng(12)), 1, w, data(0, ROWS, UNITS));
    }

    @Test
    void optimizerUpdatesAgree() {
        for (Optimizer optimizer : List.of(new AdamOptimizer(0.9, 0.999, 1e-8), new SgdOptimizer(0.9))) {
            Parameter[] parameters = new Parameter[4];
            int i = 0;
            for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
                parameters[i] = Parameter.binary("w", data(13, ROWS, UNITS).castTo(type), 1.0, 30);
                parameters[i + 1] = Parameter.plain("b", data(14, UNITS).castTo(type));
                i += 2;
            }
            Optimizer other = optimizer instanceof AdamOptimizer ? new AdamOptimizer(0.9, 0.999, 1e-8)
                    : new SgdOptimizer(0.9);
            for (int step = 0; step < 3; step++) {
                // as backward does before every update (an optimizer may leave a binary gradient consumed, +0)
                for (int j = 0; j < parameters.length; j += 2) {
                    parameters[j].gradient().assign(data(15, ROWS, UNITS));
                    parameters[j + 1].gradient().assign(data(16, UNITS));
                }
                optimizer.update(List.of(parameters[0], parameters[1]), 1e-2);
                other.update(List.of(parameters[2], parameters[3]), 1e-2);
            }
            assertClose(parameters[0].value(), parameters[2].value(), "binary weights");
            assertClose(parameters[1].value(), parameters[3].value(), "plain parameter");
            assertTrue(parameters[2].value().amaxNumber().doubleValue() <= 1.0, "clipped to H");
        }
    }

    /** Runs {@code kernel} on double arrays and on float copies, then compares argument {@code checked}. */
    private static void assertAgree(Consumer<INDArray[]> kernel, int checked, INDArray... arguments) {
        INDArray[] doubles = new INDArray[arguments.length];
        INDArray[] floats = new INDArray[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            doubles[i] = arguments[i].dup();
            floats[i] = arguments[i].castTo(DataType.FLOAT);
        }
        kernel.accept(doubles);
        kernel.accept(floats);
        assertClose(doubles[checked], floats[checked], "argument " + checked);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(DataType.FLOAT, actual.dataType(), what + " should have taken the float path");
        double scale = Math.max(1, expected.amaxNumber().doubleValue());
        INDArray difference = expected.sub(actual.castTo(DataType.DOUBLE));
        double worst = difference.amaxNumber().doubleValue();
        assertTrue(worst <= 2e-5 * scale, what + ": float path differs by " + worst);
    }

    private static INDArray data(long seed, long... shape) {
        return seed == 0 ? GradientCheck.uniform(new Rng(1), 0, 0, shape)
                : GradientCheck.uniform(new Rng(seed), -1, 1, shape);
    }
}
