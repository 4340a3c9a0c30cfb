package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportResultTest {

    @Test
    void comparesThePackedSizeWithTheFloat32Weights() {
        ExportResult result = new ExportResult(Path.of("FashionMlp.bcpk"), 394_712, 11_640_832, List.of());

        assertEquals("packed model: 385 KiB (394,712 bytes) against 11.1 MiB of float32 weights: 29.5x smaller",
                result.sizeLine());
    }

    @Test
    void writesSmallSizesInKibWithADecimal() {
        assertEquals("0.3 KiB", ExportResult.human(300));
        assertEquals("99.5 KiB", ExportResult.human(101_888));
        assertEquals("1.0 MiB", ExportResult.human(1 << 20));
    }
}
