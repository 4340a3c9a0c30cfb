package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BatchNormKernelsTest {

    private static final int BATCH = 8;
    private static final int UNITS = 5;

    /** The arrays of one training forward pass. */
    record Forward(INDArray out, INDArray xhat, INDArray mean, INDArray std) {
    }

    static Forward forward(INDArray z, INDArray gamma, INDArray beta, double epsilon) {
        long units = gamma.length();
        Forward f = new Forward(Nd4j.create(DataType.DOUBLE, z.shape()), Nd4j.create(DataType.DOUBLE, z.shape()),
                Nd4j.create(DataType.DOUBLE, units), Nd4j.create(DataType.DOUBLE, units));
        BatchNormKernels.forwardTraining(z, gamma, beta, f.mean(), f.std(), f.xhat(), f.out(), epsilon);
        return f;
    }

    /** Random pre-activations with a different offset and spread per unit, so no unit is degenerate. */
    static INDArray preActivations(Rng rng, int rows, int units) {
        INDArray z = GradientCheck.uniform(rng, -1, 1, rows, units);
        for (int j = 0; j < units; j++) {
            double offset = 4 * rng.nextDouble() - 2;
            double spread = 0.5 + 2 * rng.nextDouble();
            for (int r = 0; r < rows; r++) {
                z.putScalar(r, j, offset + spread * z.getDouble(r, j));
            }
        }
        return z;
    }

    @Test
    void trainingForwardUsesTheBiasedBatchStdWithEpsilonAddedToTheStd() {
        // one unit with values 1, 2, 3, 4: mean 2.5, biased variance 1.25
        INDArray z = Nd4j.createFromArray(new double[][] {{1}, {2}, {3}, {4}});
        double eps = 0.1;
        Forward f = forward(z, Nd4j.createFromArray(2.0), Nd4j.createFromArray(0.5), eps);
        double std = Math.sqrt(1.25);
        assertEquals(2.5, f.mean().getDouble(0), 1e-15);
        assertEquals(std, f.std().getDouble(0), 1e-15);
        for (int r = 0; r < 4; r++) {
            double xhat = (r + 1 - 2.5) / (std + eps);
            assertEquals(xhat, f.xhat().getDouble(r, 0), 1e-15);
            assertEquals(2 * xhat + 0.5, f.out().getDouble(r, 0), 1e-15);
        }
    }

    @Test
    void trainingForwardInPlaceGivesTheSameAsIntoAnotherArray() {
        Rng rng = new Rng(8);
        INDArray z = preActivations(rng, BATCH, UNITS);
        INDArray gamma = GradientCheck.uniform(rng, 0.5, 1.5, UNITS);
        INDArray beta = GradientCheck.uniform(rng, -0.5, 0.5, UNITS);
        Forward separate = forward(z, gamma, beta, 1e-4);
        INDArray xhat = Nd4j.create(DataType.DOUBLE, z.shape());
        BatchNormKernels.forwardTraining(z, gamma, beta, Nd4j.create(DataType.DOUBLE, UNITS),
                Nd4j.create(DataType.DOUBLE, UNITS), xhat, z, 1e-4);
        assertArrayEquals(separate.out().data().asDouble(), z.data().asDouble());
    }

    @Test
    void runningStatisticsAreAnExponentialMovingAverage() {
        INDArray runningMean = Nd4j.createFromArray(1.0, -2.0);
        INDArray runningStd = Nd4j.createFromArray(1.0, 4.0);
        BatchNormKernels.updateRunningStatistics(runningMean, runningStd, Nd4j.createFromArray(3.0, 0.0),
                Nd4j.createFromArray(2.0, 0.0), 0.15);
        assertArrayEquals(new double[] {0.85 * 1 + 0.15 * 3, 0.85 * -2}, runningMean.data().asDouble(), 1e-15);
        assertArrayEquals(new double[] {0.85 * 1 + 0.15 * 2, 0.85 * 4}, runningStd.data().asDouble(), 1e-15);
    }

    @Test
    void inferenceNormalisesWithTheRunningStatistics() {
        INDArray z = Nd4j.createFromArray(new double[][] {{1, 2}, {3, -4}});
        INDArray out = Nd4j.create(DataType.DOUBLE, 2, 2);
        double eps = 1e-4;
        BatchNormKernels.forwardInference(z, Nd4j.createFromArray(2.0, 0.5), Nd4j.createFromArray(0.1, -0.1),
                Nd4j.createFromArray(0.5, 1.0), Nd4j.createFromArray(2.0, 3.0), out, eps);
        assertArrayEquals(new double[] {
            2 * (1 - 0.5) / (2 + eps) + 0.1, 0.5 * (2 - 1) / (3 + eps) - 0.1,
            2 * (3 - 0.5) / (2 + eps) + 0.1, 0.5 * (-4 - 1) / (3 + eps) - 0.1}, out.data().asDouble(), 1e-15);
    }

    @ParameterizedTest(name = "epsilon = {0}")
    @ValueSource(doubles = {1e-4, 0.1})
    void trainingBackwardGradientsForInputGammaAndBetaMatchFiniteDifferences(double epsilon) {
        Rng rng = new Rng(41);
        INDArray z = preActivations(rng, BATCH, UNITS);
        INDArray gamma = GradientCheck.uniform(rng, 0.5, 1.5, UNITS);
        INDArray beta = GradientCheck.uniform(rng, -0.5, 0.5, UNITS);
        INDArray r = GradientCheck.uniform(rng, -1, 1, BATCH, UNITS);
        GradientCheck.ScalarFunction loss = () -> GradientCheck.dot(forward(z, gamma, beta, epsilon).out(), r);

        Forward f = forward(z, gamma, beta, epsilon);
        INDArray delta = r.dup();
        INDArray dGamma = Nd4j.create(DataType.DOUBLE, UNITS);
        INDArray dBeta = Nd4j.create(DataType.DOUBLE, UNITS);
        BatchNormKernels.backward(delta, f.xhat(), f.std(), gamma, dGamma, dBeta, epsilon);

        GradientCheck.assertGradient("BN dz", delta, loss, z);
        GradientCheck.assertGradient("BN dgamma", dGamma, loss, gamma);
        GradientCheck.assertGradient("BN dbeta", dBeta, loss, beta);
    }

    @Test
    void trainingBackwardWithTwoRowsMatchesFiniteDifferences() {
        // the smallest batch, where the path through the batch std matters most
        Rng rng = new Rng(43);
        INDArray z = preActivations(rng, 2, 3);
        INDArray gamma = GradientCheck.uniform(rng, 0.5, 1.5, 3);
        INDArray beta = GradientCheck.uniform(rng, -0.5, 0.5, 3);
        INDArray r = GradientCheck.uniform(rng, -1, 1, 2, 3);
        double epsilon = 1e-2;
        Forward f = forward(z, gamma, beta, epsilon);
        INDArray delta = r.dup();
        BatchNormKernels.backward(delta, f.xhat(), f.std(), gamma, Nd4j.create(DataType.DOUBLE, 3),
                Nd4j.create(DataType.DOUBLE, 3), epsilon);
        GradientCheck.assertGradient("BN dz, two rows", delta,
                () -> GradientCheck.dot(forward(z, gamma, beta, epsilon).out(), r), z);
    }
}
