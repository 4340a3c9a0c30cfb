package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.binaryconnect.runtime.nn.Init;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The authors' update rule, for both optimizers: binary weights move by W_LR_scale times what the optimizer
 * alone would move them, then are clipped to [-H, H]; plain parameters get the optimizer's step as it is.
 */
class BinaryConnectUpdateRuleTest {

    private static final double H = 1.0;
    /** The authors' "Glorot" W_LR_scale for a 784 -> 2048 layer, about 43.4. */
    private static final double W_LR_SCALE = 1 / Init.glorotH(784, 2048);

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("Adam", (Supplier<Optimizer>) () -> new AdamOptimizer(0.9, 0.999, 1e-8), 0.002),
                Arguments.of("SGD momentum", (Supplier<Optimizer>) () -> new SgdOptimizer(0.9), 0.002));
    }

    static INDArray vector(double... values) {
        return Nd4j.createFromArray(values.clone());
    }

    static double[] values(Parameter p) {
        return p.value().data().asDouble();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void binaryChangeIsWLrScaleTimesThePlainChangeInsideTheClipRange(String name, Supplier<Optimizer> factory,
            double lr) {
        double[] start = {0.3, -0.2, 0.0, 0.5, -0.45, 0.05};
        double[][] gradients = {
            {0.5, -1.0, 2.0, 1e-3, -0.25, 0.0},
            {-0.3, -0.8, 1.0, 0.5, 0.1, 4.0},
            {0.2, 0.2, -0.4, 0.7, -1.5, -3.0}};
        Parameter binary = Parameter.binary("W", vector(start), H, W_LR_SCALE);
        Parameter plain = Parameter.plain("W_float", vector(start));
        Optimizer optimizer = factory.get();
        for (double[] g : gradients) {
            binary.gradient().assign(vector(g));
            plain.gradient().assign(vector(g));
            double[] binaryBefore = values(binary);
            double[] plainBefore = values(plain);
            optimizer.update(List.of(binary, plain), lr);
            double[] binaryAfter = values(binary);
            double[] plainAfter = values(plain);
            for (int i = 0; i < start.length; i++) {
                double plainChange = plainAfter[i] - plainBefore[i];
                double binaryChange = binaryAfter[i] - binaryBefore[i];
                assertTrue(Math.abs(binaryAfter[i]) < H, name + ": the test must stay inside [-H, H], W=" + binaryAfter[i]);
                assertEquals(W_LR_SCALE * plainChange, binaryChange, 1e-12,
                        name + " step " + optimizer.steps() + " element " + i);
            }
        }
        // the steps were not trivially zero
        double moved = 0;
        for (int i = 0; i < start.length; i++) {
            moved = Math.max(moved, Math.abs(values(plain)[i] - start[i]));
        }
        assertTrue(moved > lr, name + ": plain parameters barely moved (" + moved + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void binaryWeightsPushedPastHEndExactlyAtPlusMinusH(String name, Supplier<Optimizer> factory, double lr) {
        double h = Init.glorotH(100, 50); // an H that is not a round number
        double[] start = {0.99 * h, -0.99 * h, h, -h, h, 0.5 * h};
        double[] gradient = {-1.0, 1.0, -2.0, 0.5, 1.0, -1.0};
        Parameter binary = Parameter.binary("W", vector(start), h, W_LR_SCALE);
        binary.gradient().assign(vector(gradient));
        factory.get().update(List.of(binary), lr);
        double[] after = values(binary);
        assertEquals(h, after[0], 0.0, name + ": pushed up past H");
        assertEquals(-h, after[1], 0.0, name + ": pushed down past -H");
        assertEquals(h, after[2], 0.0, name + ": at H and pushed further up");
        assertEquals(-h, after[3], 0.0, name + ": at -H and pushed further down");
        assertTrue(after[4] < h && after[4] > 0, name + ": at H and pushed back in, it moves inside: " + after[4]);
        // the scaled step (W_LR_scale * lr, about 0.087) is far larger than the gap of H / 2 = 0.05
        assertEquals(h, after[5], 0.0, name + ": a step larger than the gap to H is clipped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void clippingInSinglePrecisionGivesExactlyTheFloatH(String name, Supplier<Optimizer> factory, double lr) {
        double h = Init.glorotH(300, 7);
        INDArray w = Nd4j.createFromArray((float) (0.9 * h), (float) (-0.9 * h));
        Parameter binary = Parameter.binary("W", w, h, W_LR_SCALE);
        binary.gradient().assign(Nd4j.createFromArray(-1f, 1f));
        factory.get().update(List.of(binary), lr);
        assertEquals(DataType.FLOAT, binary.value().dataType());
        assertEquals((float) h, binary.value().getFloat(0), 0f, name);
        assertEquals((float) -h, binary.value().getFloat(1), 0f, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void plainParametersAreNeitherScaledNorClipped(String name, Supplier<Optimizer> factory, double lr) {
        // biases and BN gamma/beta: values beyond any H keep moving, by the unscaled optimizer step
        double[] start = {1.5, -3.0, 0.99};
        double[] gradient = {-1.0, 1.0, -1.0};
        Parameter gamma = Parameter.plain("gamma", vector(start));
        Parameter reference = Parameter.plain("reference", vector(0, 0, 0));
        gamma.gradient().assign(vector(gradient));
        reference.gradient().assign(vector(gradient));
        Parameter binary = Parameter.binary("W", vector(start[2]), H, W_LR_SCALE);
        binary.gradient().assign(vector(gradient[2]));
        Optimizer optimizer = factory.get();
        optimizer.update(List.of(gamma, reference, binary), 0.1);
        double[] after = values(gamma);
        double[] step = values(reference); // the step from 0, which no clip at any H could have touched
        for (int i = 0; i < start.length; i++) {
            assertEquals(start[i] + step[i], after[i], 1e-15, name + " element " + i);
            assertTrue(Math.abs(step[i]) > 0.05, name + ": the step is the full unscaled step, got " + step[i]);
        }
        assertTrue(after[0] > 1.5 && after[1] < -3.0 && after[2] > H, name + ": plain values go beyond H");
        assertEquals(H, values(binary)[0], 0.0, name + ": while the binary parameter with the same input is clipped");
    }
}
