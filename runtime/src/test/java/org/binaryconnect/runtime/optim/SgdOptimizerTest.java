package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** SGD with momentum as Lasagne writes it, checked against values computed by hand. */
class SgdOptimizerTest {

    @Test
    void twoStepsWithMomentumMatchHandComputedValues() {
        double momentum = 0.9;
        double lr = 0.1;
        Parameter p = Parameter.plain("b", Nd4j.createFromArray(1.0, -2.0));
        SgdOptimizer sgd = new SgdOptimizer(momentum);
        p.gradient().assign(Nd4j.createFromArray(0.5, -1.0));
        sgd.update(List.of(p), lr);
        // velocity = -lr g = (-0.05, 0.1)
        assertEquals(0.95, p.value().getDouble(0), 1e-15);
        assertEquals(-1.9, p.value().getDouble(1), 1e-15);
        p.gradient().assign(Nd4j.createFromArray(0.2, 0.0));
        sgd.update(List.of(p), lr);
        // velocity = 0.9 (-0.05, 0.1) - 0.1 (0.2, 0) = (-0.065, 0.09)
        assertEquals(0.885, p.value().getDouble(0), 1e-15);
        assertEquals(-1.81, p.value().getDouble(1), 1e-15);
        assertEquals(-0.065, p.firstMoment().getDouble(0), 1e-15);
        assertEquals(2, sgd.steps());
    }

    @Test
    void binaryStepIsTheScaledVelocityWhileTheVelocityItselfIsUnscaled() {
        Parameter w = Parameter.binary("W", Nd4j.createFromArray(0.1), 1.0, 5.0);
        SgdOptimizer sgd = new SgdOptimizer(0.5);
        w.gradient().assign(Nd4j.createFromArray(0.2));
        sgd.update(List.of(w), 0.1);
        assertEquals(0.1 - 5 * 0.02, w.value().getDouble(0), 1e-15);
        assertEquals(-0.02, w.firstMoment().getDouble(0), 1e-15);
        w.gradient().assign(Nd4j.createFromArray(0.2));
        sgd.update(List.of(w), 0.1);
        // velocity = 0.5 (-0.02) - 0.02 = -0.03
        assertEquals(0.0 - 5 * 0.03, w.value().getDouble(0), 1e-15);
    }
}
