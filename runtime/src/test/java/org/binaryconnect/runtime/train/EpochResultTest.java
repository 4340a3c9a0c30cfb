package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

        assertEquals("3,3.00000e-06,0.0412000,0.881200,0.879000,12.300,4061.2,0.881200,0.879000", result.csvRow());
        assertEquals(MetricsCsv.HEADER.split(",").length, result.csvRow().split(",").length);
    }

    @Test
    void aStochasticNetworksConsoleLineShowsEachBinaryAccuracyNextToItsEvaluationAccuracy() {
        EpochResult result = new EpochResult(3, 0.000185, 0.0412, 0.8812, 0.879, 12.3, 4061.2, 0.8501, 0.8466, true);

        assertEquals("epoch 3/10  lr 0.000185  train_loss 0.0412  val_accuracy 0.8812 (binary 0.8501)  test_accuracy"
                + " 0.8790 (binary 0.8466)  12.3 s  4061 samples/s", result.consoleLine(10));
    }

    @Test
    void withoutValidationSamplesOnlyTheTestAccuracyHasABinaryFigure() {
        EpochResult result = new EpochResult(1, 1e-3, 0.5, Double.NaN, 0.8, 1, 100, Double.NaN, 0.75, true);

        assertEquals("epoch 1/2  lr 0.00100  train_loss 0.5000  val_accuracy -  test_accuracy 0.8000 (binary 0.7500)"
                + "  1.0 s  100 samples/s", result.consoleLine(2));
        assertEquals("1,0.00100000,0.500000,,0.800000,1.000,100.0,,0.750000", result.csvRow());
    }

    @Test
    void aStochasticNetworksCsvRowEndsWithTheBinaryAccuracies() {
        EpochResult result = new EpochResult(3, 3e-6, 0.0412, 0.8812, 0.879, 12.3, 4061.2, 0.8501, 0.8466, true);

        assertEquals("3,3.00000e-06,0.0412000,0.881200,0.879000,12.300,4061.2,0.850100,0.846600", result.csvRow());
    }

    @Test
    void aNetworkEvaluatedWithBinaryWeightsRepeatsItsAccuraciesInTheBinaryColumns() {
        EpochResult result = new EpochResult(3, 3e-6, 0.0412, 0.8812, 0.879, 12.3, 4061.2);

        assertEquals(0.8812, result.validationBinaryAccuracy());
        assertEquals(0.879, result.testBinaryAccuracy());
        assertEquals(false, result.binaryApart());
        assertEquals("3,3.00000e-06,0.0412000,0.881200,0.879000,12.300,4061.2,0.881200,0.879000", result.csvRow());
    }

    @Test
    void binaryAccuraciesThatDifferFromTheOnlyMeasurementAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new EpochResult(3, 3e-6, 0.0412, 0.8812, 0.879, 12.3, 4061.2, 0.8812, 0.87, false));
    }
}
