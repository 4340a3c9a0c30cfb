package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.report.NetworkSummary;
import org.junit.jupiter.api.Test;

/** The per-layer summary's figures, by hand and against the packed files the exporter writes. */
class NetworkSummaryTest {

    @Test
    void figuresOfADenseNetworkWorkedOutByHand() {
        // first: binary 70 -> 3 with batch norm; out: full precision 3 -> 2 without
        NetworkSummary summary = NetworkSummary.of(ExportNetworks.hand().description());

        NetworkSummary.Row first = summary.layers().get(0);
        NetworkSummary.Row out = summary.layers().get(1);
        int inputs = ExportNetworks.HAND_INPUTS;
        assertEquals(new NetworkSummary.Row("first", "binary dense", "3", 3L * inputs, 3 * 5, 14 + 3 * ((inputs + 7) / 8)
                + 3 * 6, 4L * 3 * inputs, 3L * inputs, 0), first);
        assertEquals(new NetworkSummary.Row("out", "float dense", "2", 0, 6 + 2, 14 + 6 * 4 + 2 * 6, 6 * 4, 0, 6), out);
        assertEquals(3.0 * inputs / (3.0 * inputs + 15 + 8), summary.binaryParameterShare(), 1e-12);
        assertEquals(3.0 * inputs / (3.0 * inputs + 6), summary.binaryMacShare(), 1e-12);
    }

    @Test
    void theTotalPackedSizeIsTheSizeOfTheFileTheExporterWrites() throws IOException {
        for (TrainableNetwork network : List.of(ExportNetworks.hand(), ExportNetworks.deep(3),
                ConvolutionExportTest.network(1, 0.5))) {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            PackedModelWriter.write(network, packed);

            assertEquals(packed.size(), NetworkSummary.of(network.description()).packedFileBytes(),
                    network.description().name());
        }
    }

    @Test
    void convLayersCountTheirMultiplyAccumulatesAtEveryOutputPosition() {
        NetworkSummary summary = NetworkSummary.of(ConvolutionExportTest.network(1, 0.5).description());
        NetworkSummary.Row conv = summary.layers().get(0);
        var shape = ConvolutionExportTest.CONV;

        assertEquals((long) shape.filters() * shape.channels() * shape.kernel() * shape.kernel() * shape.outHeight()
                * shape.outWidth(), conv.binaryMacs() + conv.floatMacs());
        assertEquals(shape.filters() + " x " + ConvolutionExportTest.POOL.outHeight() + " x "
                + ConvolutionExportTest.POOL.outWidth(), conv.outputShape());
    }
}
