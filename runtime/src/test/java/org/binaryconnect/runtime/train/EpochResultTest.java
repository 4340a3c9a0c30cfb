package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.binaryconnect.runtime.run.EpochResult;
import org.junit.jupiter.api.Test;

class EpochResultTest {

    @Test
    void consoleLineCarriesEveryFigure() {
        EpochResult result = new EpochResult(3, 0.000185, 0.0412, 0.8812, 0.879, 12.3, 4061.2);

        assertEquals("epoch 3/10  lr 0.000185  train_loss 0.0412  val_accuracy 0.8812  test_accuracy 0.8790  12.3 s"
                + "  4061 samples/s", result.consoleLine(10));
    }

    @Test
    void csvRowMatchesTheHeader() {
        EpochResult result = new EpochResult(3, 3e-6, 0.0412, 0.8812, 0.879, 12.3, 4061.2);

        assertEquals("3,3.00000e-06,0.0412000,0.881200,0.879000,12.300,4061.2", result.csvRow());
        assertEquals(MetricsCsv.HEADER.split(",").length, result.csvRow().split(",").length);
    }
}
