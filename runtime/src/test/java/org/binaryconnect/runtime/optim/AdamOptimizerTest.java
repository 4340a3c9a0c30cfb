package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Adam as Lasagne writes it, checked against values computed by hand. */
class AdamOptimizerTest {

    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;
    private static final double LR = 0.01;

    private static Parameter plain(double... values) {
        return Parameter.plain("p", Nd4j.createFromArray(values.clone()));
    }

    @Test
    void firstStepMatchesTheHandComputedLasagneValue() {
        double[] g = {0.5, -2.0, 1e-9, 0.0};
        Parameter p = plain(0.1, 0.1, 0.1, 0.1);
        p.gradient().assign(Nd4j.createFromArray(g.clone()));
        AdamOptimizer adam = new AdamOptimizer(B1, B2, EPS);
        adam.update(List.of(p), LR);
        assertEquals(1, adam.steps());
        for (int i = 0; i < g.length; i++) {
            double m = (1 - B1) * g[i];
            double v = (1 - B2) * g[i] * g[i];
            double step = LR * Math.sqrt(1 - B2) / (1 - B1) * m / (Math.sqrt(v) + EPS);
            assertEquals(0.1 - step, p.value().getDouble(i), 1e-16, "element " + i);
            assertEquals(m, p.firstMoment().getDouble(i), 1e-20, "m, element " + i);
            assertEquals(v, p.secondMoment().getDouble(i), 1e-24, "v, element " + i);
        }
        // the first step is about lr * sign(g) for ordinary gradients...
        assertEquals(0.1 - LR, p.value().getDouble(0), 1e-7);
        assertEquals(0.1 + LR, p.value().getDouble(1), 1e-7);
        // ...but epsilon, added outside the square root, damps a tiny gradient to about 3e-3 lr
        double tinyStep = 0.1 - p.value().getDouble(2);
        assertEquals(LR * Math.sqrt(1e-3) / 0.1 * 1e-10 / (Math.sqrt(1e-21) + 1e-8), tinyStep, 1e-16);
        assertTrue(tinyStep > 1e-3 * LR && tinyStep < 1e-2 * LR, "tiny step " + tinyStep);
        assertEquals(0.1, p.value().getDouble(3), 0.0, "a zero gradient does not move the parameter");
    }

    @Test
    void secondStepUsesTheBiasCorrectionForTEqualsTwo() {
        double g1 = 0.5;
        double g2 = -0.2;
        Parameter p = plain(0.0);
        AdamOptimizer adam = new AdamOptimizer(B1, B2, EPS);
        p.gradient().assign(Nd4j.createFromArray(g1));
        adam.update(List.of(p), LR);
        double afterFirst = p.value().getDouble(0);
        p.gradient().assign(Nd4j.createFromArray(g2));
        adam.update(List.of(p), LR / 2);
        double m = B1 * (1 - B1) * g1 + (1 - B1) * g2;
        double v = B2 * (1 - B2) * g1 * g1 + (1 - B2) * g2 * g2;
        double step = LR / 2 * Math.sqrt(1 - B2 * B2) / (1 - B1 * B1) * m / (Math.sqrt(v) + EPS);
        assertEquals(afterFirst - step, p.value().getDouble(0), 1e-17);
        assertEquals(2, adam.steps());
    }

    @Test
    void restoredStepCountDrivesTheBiasCorrection() {
        double g = 0.3;
        Parameter p = plain(0.0);
        p.gradient().assign(Nd4j.createFromArray(g));
        AdamOptimizer adam = new AdamOptimizer(B1, B2, EPS);
        adam.restoreSteps(9);
        adam.update(List.of(p), LR);
        assertEquals(10, adam.steps());
        double m = (1 - B1) * g;
        double v = (1 - B2) * g * g;
        double step = LR * Math.sqrt(1 - Math.pow(B2, 10)) / (1 - Math.pow(B1, 10)) * m / (Math.sqrt(v) + EPS);
        assertEquals(-step, p.value().getDouble(0), 1e-17);
        // with t = 10 the correction differs from t = 1 by far more than the tolerance
        assertTrue(Math.abs(step - LR) > 1e-3);
    }

    @Test
    void binaryFirstStepIsScaledHandComputedValue() {
        double scale = 20;
        Parameter w = Parameter.binary("W", Nd4j.createFromArray(0.25), 1.0, scale);
        w.gradient().assign(Nd4j.createFromArray(-0.7));
        new AdamOptimizer(B1, B2, EPS).update(List.of(w), LR);
        double m = (1 - B1) * -0.7;
        double v = (1 - B2) * 0.49;
        double step = LR * Math.sqrt(1 - B2) / (1 - B1) * m / (Math.sqrt(v) + EPS);
        assertEquals(0.25 - scale * step, w.value().getDouble(0), 1e-16);
        // the moments are the optimizer's own, not scaled
        assertEquals(m, w.firstMoment().getDouble(0), 1e-18);
    }
}
