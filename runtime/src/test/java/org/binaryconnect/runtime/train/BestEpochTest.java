package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.binaryconnect.runtime.run.EpochResult;
import org.junit.jupiter.api.Test;

class BestEpochTest {

    private static EpochResult epoch(int epoch, double validation, double test) {
        return new EpochResult(epoch, 0.001, 0.1, validation, test, 1, 100);
    }

    @Test
    void keepsTheBestValidationEpochAndTheLaterOfTies() {
        BestEpoch best = new BestEpoch();
        assertNull(best.best());

        assertTrue(best.offer(epoch(1, 0.80, 0.79)));
        assertTrue(best.offer(epoch(2, 0.85, 0.83)));
        assertFalse(best.offer(epoch(3, 0.84, 0.90)));
        assertTrue(best.offer(epoch(4, 0.85, 0.82)));
        assertFalse(best.offer(epoch(5, 0.70, 0.95)));

        assertEquals(4, best.best().epoch());
        assertEquals(0.82, best.best().testAccuracy());
    }

    @Test
    void withoutValidationEveryEpochReplacesTheLast() {
        BestEpoch best = new BestEpoch();

        assertTrue(best.offer(epoch(1, Double.NaN, 0.9)));
        assertTrue(best.offer(epoch(2, Double.NaN, 0.5)));

        assertEquals(2, best.best().epoch());
    }
}
