package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ActivationKernelsTest {

    private static INDArray relu(INDArray x) {
        INDArray out = Nd4j.create(DataType.DOUBLE, x.shape());
        ActivationKernels.relu(x, out);
        return out;
    }

    @Test
    void reluZeroesNegativesAndKeepsPositives() {
        INDArray x = Nd4j.createFromArray(-2.0, -0.0, 0.0, 1e-300, 3.5);
        assertArrayEquals(new double[] {0, 0, 0, 1e-300, 3.5}, relu(x).data().asDouble());
    }

    @Test
    void reluInPlaceGivesTheSameAsIntoAnotherArray() {
        INDArray x = GradientCheck.uniform(new Rng(3), -1, 1, 4, 5);
        INDArray expected = relu(x);
        ActivationKernels.relu(x, x);
        assertArrayEquals(expected.data().asDouble(), x.data().asDouble());
    }

    @Test
    void reluBackwardKeepsTheDeltaOnlyWhereTheOutputIsPositive() {
        INDArray out = Nd4j.createFromArray(0.0, 2.0, 0.0, 0.5);
        INDArray delta = Nd4j.createFromArray(1.0, -3.0, 4.0, 7.0);
        ActivationKernels.reluBackward(delta, out);
        assertArrayEquals(new double[] {0, -3, 0, 7}, delta.data().asDouble());
    }

    @Test
    void reluGradientMatchesFiniteDifferencesAwayFromZero() {
        Rng rng = new Rng(21);
        INDArray x = GradientCheck.awayFromZero(rng, 0.1, 1.0, 6, 5);
        INDArray r = GradientCheck.uniform(rng, -1, 1, 6, 5);
        INDArray out = relu(x);
        INDArray delta = r.dup();
        ActivationKernels.reluBackward(delta, out);

        int active = 0;
        for (int i = 0; i < x.length(); i++) {
            active += x.getDouble(i) > 0 ? 1 : 0;
        }
        assertTrue(active > 0 && active < x.length(), "the data must have both active and inactive units");
        GradientCheck.assertGradient("ReLU dx", delta, () -> GradientCheck.dot(relu(x), r), x);
    }
}
