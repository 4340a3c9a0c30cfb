package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OptimizerApplyDeltaTest {

    @Test
    void plainDeltaIsAddedAsItIs() {
        assertEquals(5.25, Optimizer.applyDelta(5.0, 0.25, 1, 0), 0.0);
        assertEquals(-7.5, Optimizer.applyDelta(-7.0, -0.5, 1, 0), 0.0);
    }

    @Test
    void binaryDeltaIsScaledThenClippedToPlusMinusH() {
        assertEquals(0.1 + 3 * 0.05, Optimizer.applyDelta(0.1, 0.05, 3, 0.5), 1e-16);
        assertEquals(0.5, Optimizer.applyDelta(0.4, 0.05, 3, 0.5), 0.0);
        assertEquals(-0.5, Optimizer.applyDelta(-0.4, -0.05, 3, 0.5), 0.0);
        // a weight that is somehow outside [-H, H] is brought back even by a zero step
        assertEquals(0.5, Optimizer.applyDelta(0.9, 0.0, 3, 0.5), 0.0);
    }
}
