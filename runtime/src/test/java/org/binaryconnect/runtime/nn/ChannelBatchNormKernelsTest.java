package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Batch norm over channels of [batch, channels * plane] arrays: statistics over batch and plane per channel. */
class ChannelBatchNormKernelsTest {

    private static final int BATCH = 3;
    private static final int CHANNELS = 4;
    private static final int PLANE = 5;

    record Forward(INDArray out, INDArray xhat, INDArray mean, INDArray std) {
    }

    static Forward forward(INDArray z, INDArray gamma, INDArray beta, double epsilon) {
        Forward f = new Forward(z.ulike(), z.ulike(), gamma.ulike(), gamma.ulike());
        ChannelBatchNormKernels.forwardTraining(z, gamma, beta, f.mean(), f.std(), f.xhat(), f.out(), epsilon);
        return f;
    }

    /** Each channel with its own offset and spread. */
    static INDArray preActivations(Rng rng) {
        INDArray z = GradientCheck.uniform(rng, -1, 1, BATCH, CHANNELS * PLANE);
        for (int c = 0; c < CHANNELS; c++) {
            double offset = 4 * rng.nextDouble() - 2;
            double spread = 0.5 + 2 * rng.nextDouble();
            for (int n = 0; n < BATCH; n++) {
                for (int p = 0; p < PLANE; p++) {
                    z.putScalar(n, c * PLANE + p, offset + spread * z.getDouble(n, c * PLANE + p));
                }
            }
        }
        return z;
    }

    @Test
    void statisticsAreTakenPerChannelOverBatchAndPlane() {
        Rng rng = new Rng(3);
        INDArray z = preActivations(rng);
        INDArray gamma = GradientCheck.uniform(rng, 0.5, 1.5, CHANNELS);
        INDArray beta = GradientCheck.uniform(rng, -0.5, 0.5, CHANNELS);
        double eps = 1e-4;
        Forward f = forward(z, gamma, beta, eps);
        for (int c = 0; c < CHANNELS; c++) {
            double sum = 0;
            double squares = 0;
            for (int n = 0; n < BATCH; n++) {
                for (int p = 0; p < PLANE; p++) {
                    double v = z.getDouble(n, c * PLANE + p);
                    sum += v;
                    squares += v * v;
                }
            }
            int count = BATCH * PLANE;
            double mean = sum / count;
            double std = Math.sqrt(squares / count - mean * mean);
            assertEquals(mean, f.mean().getDouble(c), 1e-12);
            assertEquals(std, f.std().getDouble(c), 1e-12);
            double x = z.getDouble(1, c * PLANE + 2);
            assertEquals(gamma.getDouble(c) * (x - mean) / (std + eps) + beta.getDouble(c),
                    f.out().getDouble(1, c * PLANE + 2), 1e-12);
        }
        INDArray inference = z.ulike();
        ChannelBatchNormKernels.forwardInference(z, gamma, beta, f.mean(), f.std(), inference, eps);
        assertEquals(0, inference.sub(f.out()).amaxNumber().doubleValue(), 1e-12);
    }

    @ParameterizedTest(name = "epsilon = {0}")
    @ValueSource(doubles = {1e-4, 0.1})
    void backwardGradientsForInputGammaAndBetaMatchFiniteDifferences(double epsilon) {
        Rng rng = new Rng(41);
        INDArray z = preActivations(rng);
        INDArray gamma = GradientCheck.uniform(rng, 0.5, 1.5, CHANNELS);
        INDArray beta = GradientCheck.uniform(rng, -0.5, 0.5, CHANNELS);
        INDArray r = GradientCheck.uniform(rng, -1, 1, BATCH, CHANNELS * PLANE);
        GradientCheck.ScalarFunction loss = () -> GradientCheck.dot(forward(z, gamma, beta, epsilon).out(), r);
        Forward f = forward(z, gamma, beta, epsilon);
        INDArray delta = r.dup();
        INDArray dGamma = Nd4j.create(DataType.DOUBLE, CHANNELS);
        INDArray dBeta = Nd4j.create(DataType.DOUBLE, CHANNELS);
        ChannelBatchNormKernels.backward(delta, f.xhat(), f.std(), gamma, dGamma, dBeta, epsilon);
        GradientCheck.assertGradient("channel BN dz", delta, loss, z);
        GradientCheck.assertGradient("channel BN dgamma", dGamma, loss, gamma);
        GradientCheck.assertGradient("channel BN dbeta", dBeta, loss, beta);
    }

    @Test
    void singlePrecisionMatchesDouble() {
        Rng rng = new Rng(9);
        INDArray z = preActivations(rng);
        INDArray gamma = GradientCheck.uniform(rng, 0.5, 1.5, CHANNELS);
        INDArray beta = GradientCheck.uniform(rng, -0.5, 0.5, CHANNELS);
        Forward d = forward(z, gamma, beta, 1e-4);
        Forward s = forward(z.castTo(DataType.FLOAT), gamma.castTo(DataType.FLOAT), beta.castTo(DataType.FLOAT),
                1e-4);
        assertEquals(0, d.out().sub(s.out().castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-5);
        assertEquals(0, d.std().sub(s.std().castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-5);
        INDArray r = GradientCheck.uniform(rng, -1, 1, BATCH, CHANNELS * PLANE);
        INDArray deltaDouble = r.dup();
        INDArray deltaSingle = r.castTo(DataType.FLOAT);
        INDArray dGammaDouble = gamma.ulike();
        INDArray dGammaSingle = Nd4j.create(DataType.FLOAT, CHANNELS);
        ChannelBatchNormKernels.backward(deltaDouble, d.xhat(), d.std(), gamma, dGammaDouble, gamma.ulike(), 1e-4);
        ChannelBatchNormKernels.backward(deltaSingle, s.xhat(), s.std(), gamma.castTo(DataType.FLOAT), dGammaSingle,
                Nd4j.create(DataType.FLOAT, CHANNELS), 1e-4);
        assertEquals(0, deltaDouble.sub(deltaSingle.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-4);
        assertEquals(0, dGammaDouble.sub(dGammaSingle.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-4);
    }
}
