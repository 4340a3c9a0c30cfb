package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LearningRateScheduleTest {

    /** The authors' schedules for MNIST, CIFAR-10 and SVHN, and a one-epoch edge case. */
    @ParameterizedTest(name = "{0} -> {1} over {2} epochs")
    @CsvSource({"1e-3, 3e-6, 250", "3e-3, 2e-6, 500", "1e-2, 3e-6, 200", "0.5, 0.1, 1"})
    void startsAtStartAndReachesEndAfterEpochsDecays(double start, double end, int epochs) {
        LearningRateSchedule schedule = new LearningRateSchedule(start, end, epochs);
        assertEquals(start, schedule.rateAt(1), 0.0);
        assertEquals(end, schedule.rateAt(epochs + 1), 1e-12 * end);
        double rate = start;
        for (int epoch = 2; epoch <= epochs + 1; epoch++) {
            rate *= schedule.decayPerEpoch();
            assertEquals(rate, schedule.rateAt(epoch), 1e-12 * rate, "epoch " + epoch);
            assertTrue(schedule.rateAt(epoch) < schedule.rateAt(epoch - 1));
        }
        assertEquals(end, rate, 1e-12 * end, "multiplying by the decay once per epoch");
    }

    @Test
    void decayPerEpochIsTheEpochsRootOfEndOverStart() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 3e-6, 250);
        assertEquals(Math.pow(3e-3, 1.0 / 250), schedule.decayPerEpoch(), 1e-15);
        assertEquals(1e-3 * Math.pow(3e-3, 0.5), schedule.rateAt(126), 1e-15);
    }

    @Test
    void rejectsNonPositiveOrNanRatesAndFewerThanOneEpoch() {
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(0, 1e-6, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(-1e-3, 1e-6, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(Double.NaN, 1e-6, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, -1e-6, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, 1e-6, 0));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(1e-3, 1e-6, -5));
    }
}
