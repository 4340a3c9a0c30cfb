package org.binaryconnect.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    private static final ConfusionMatrix MATRIX = ConfusionMatrix.of(2, new int[] {0, 1}, new int[] {0, 0});

    @Test
    void aStochasticRunsBinaryAccuraciesReadBackExactly() {
        List<EpochResult> history = List.of(
                new EpochResult(1, 1e-3, 0.47, 0.8395, 0.832, 30.4, 2604, 0.8021, 0.8009, true),
                new EpochResult(2, 5.59e-4, 0.17, Double.NaN, 0.8407, 48.6, 1259, Double.NaN, 1.0 / 3, true));
        TrainingProgress progress = new TrainingProgress(2, "key", 42, 1000, 0.9, history, MATRIX);

        TrainingProgress read = TrainingProgress.parse(progress.toText());

        // a resumed run's figures of the epochs before the checkpoint are these, so they must be the same bits
        assertEquals(history, read.history());
    }

    @Test
    void aDeterministicRunReadsBackAsMeasuredOnce() {
        List<EpochResult> history = List.of(new EpochResult(1, 1e-3, 0.47, 0.8395, 0.832, 30.4, 2604));

        TrainingProgress read = TrainingProgress.parse(
                new TrainingProgress(1, "key", 42, 1000, 0.9, history, MATRIX).toText());

        assertEquals(history, read.history());
    }

    @Test
    void aCheckpointOfTheFormerFormatIsRefusedNotResumedWithBinaryFiguresNobodyMeasured() {
        String former = "format=1\nepoch=1\nrunKey=key\nrandomState=42\nsteps=1000\nreferenceLoss=0.9\n"
                + "bestTestMatrix=2:1,0,1,0\nepoch.1=0.001,0.47,0.8395,0.832,30.4,2604.0\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingProgress.parse(former));

        assertTrue(e.getMessage().contains("progress format 1"), e.getMessage());
    }
}
