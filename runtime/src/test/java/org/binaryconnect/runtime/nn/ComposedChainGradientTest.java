package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The kernels composed as a two-layer BinaryConnect MLP runs them: dense -> BN -> ReLU -> dense -> BN ->
 * squared hinge, with binarized weights; backpropagated gradients checked against finite differences.
 */
class ComposedChainGradientTest {

    private static final int BATCH = 6;
    private static final int IN = 4;
    private static final int HIDDEN = 5;
    private static final int CLASSES = 3;
    private static final double EPSILON = 1e-4;

    private final Rng rng = new Rng(61);
    private final INDArray x = GradientCheck.uniform(rng, -1, 1, BATCH, IN);
    private final int[] labels = {0, 1, 2, 2, 1, 0};
    private final INDArray w1b = binarized(IN, HIDDEN);
    private final INDArray b1 = GradientCheck.uniform(rng, -0.5, 0.5, HIDDEN);
    private final INDArray gamma1 = GradientCheck.uniform(rng, 0.5, 1.5, HIDDEN);
    private final INDArray beta1 = GradientCheck.uniform(rng, -0.5, 0.5, HIDDEN);
    private final INDArray w2b = binarized(HIDDEN, CLASSES);
    private final INDArray b2 = GradientCheck.uniform(rng, -0.5, 0.5, CLASSES);
    private final INDArray gamma2 = GradientCheck.uniform(rng, 0.5, 1.5, CLASSES);
    private final INDArray beta2 = GradientCheck.uniform(rng, -0.5, 0.5, CLASSES);

    private INDArray binarized(int fanIn, int fanOut) {
        double h = Init.glorotH(fanIn, fanOut);
        INDArray w = Nd4j.create(DataType.DOUBLE, fanIn, fanOut);
        Init.uniform(w, h, rng);
        INDArray wb = Nd4j.create(DataType.DOUBLE, fanIn, fanOut);
        Binarize.stochastic(w, wb, h, rng);
        return wb;
    }

    /** Intermediates of one forward pass. */
    private record Pass(INDArray h1, BatchNormKernelsTest.Forward bn1, BatchNormKernelsTest.Forward bn2,
            INDArray dScores, double loss) {
    }

    private static INDArray dense(INDArray input, INDArray wb, INDArray b) {
        INDArray z = Nd4j.create(DataType.DOUBLE, input.size(0), wb.size(1));
        Nd4j.gemm(input, wb, z, false, false, 1.0, 0.0);
        DenseKernels.addBias(z, b);
        return z;
    }

    private Pass forward() {
        BatchNormKernelsTest.Forward bn1 = BatchNormKernelsTest.forward(dense(x, w1b, b1), gamma1, beta1, EPSILON);
        INDArray h1 = Nd4j.create(DataType.DOUBLE, BATCH, HIDDEN);
        ActivationKernels.relu(bn1.out(), h1);
        BatchNormKernelsTest.Forward bn2 = BatchNormKernelsTest.forward(dense(h1, w2b, b2), gamma2, beta2, EPSILON);
        INDArray dScores = Nd4j.create(DataType.DOUBLE, BATCH, CLASSES);
        double loss = LossKernels.squaredHinge(bn2.out(), labels, dScores);
        return new Pass(h1, bn1, bn2, dScores, loss);
    }

    private static double smallestMagnitude(INDArray a) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < a.length(); i++) {
            smallest = Math.min(smallest, Math.abs(a.getDouble(i)));
        }
        return smallest;
    }

    @Test
    void backpropagatedGradientsOfBothBinarizedWeightMatricesMatchFiniteDifferences() {
        Pass pass = forward();
        // the finite differences must not cross the ReLU's or the hinge's kink
        assertTrue(smallestMagnitude(pass.bn1().out()) > 1e-3, "a ReLU input is too close to 0");
        INDArray margins = pass.bn2().out().dup();
        for (int r = 0; r < BATCH; r++) {
            for (int c = 0; c < CLASSES; c++) {
                margins.putScalar(r, c, 1 - (c == labels[r] ? 1 : -1) * margins.getDouble(r, c));
            }
        }
        assertTrue(smallestMagnitude(margins) > 1e-3, "a hinge margin is too close to 0");

        INDArray delta2 = pass.dScores().dup();
        INDArray dGamma2 = Nd4j.create(DataType.DOUBLE, CLASSES);
        INDArray dBeta2 = Nd4j.create(DataType.DOUBLE, CLASSES);
        BatchNormKernels.backward(delta2, pass.bn2().xhat(), pass.bn2().std(), gamma2, dGamma2, dBeta2, EPSILON);
        INDArray dW2b = Nd4j.gemm(pass.h1(), delta2, Nd4j.create(DataType.DOUBLE, HIDDEN, CLASSES), true, false, 1, 0);
        INDArray delta1 = Nd4j.gemm(delta2, w2b, Nd4j.create(DataType.DOUBLE, BATCH, HIDDEN), false, true, 1, 0);
        ActivationKernels.reluBackward(delta1, pass.h1());
        INDArray dGamma1 = Nd4j.create(DataType.DOUBLE, HIDDEN);
        INDArray dBeta1 = Nd4j.create(DataType.DOUBLE, HIDDEN);
        BatchNormKernels.backward(delta1, pass.bn1().xhat(), pass.bn1().std(), gamma1, dGamma1, dBeta1, EPSILON);
        INDArray dW1b = Nd4j.gemm(x, delta1, Nd4j.create(DataType.DOUBLE, IN, HIDDEN), true, false, 1, 0);

        GradientCheck.ScalarFunction loss = () -> forward().loss();
        GradientCheck.assertGradient("dW2b", dW2b, loss, w2b);
        GradientCheck.assertGradient("dW1b", dW1b, loss, w1b);
        GradientCheck.assertGradient("dgamma1", dGamma1, loss, gamma1);
        GradientCheck.assertGradient("dbeta1", dBeta1, loss, beta1);
        GradientCheck.assertGradient("dgamma2", dGamma2, loss, gamma2);
    }
}
