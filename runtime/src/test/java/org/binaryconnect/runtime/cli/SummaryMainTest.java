package org.binaryconnect.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.binaryconnect.runtime.report.NetworkSummary;
import org.binaryconnect.runtime.train.LinearSoftmaxNetwork;
import org.junit.jupiter.api.Test;

class SummaryMainTest {

    @Test
    void printsTheNetworkAndItsSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SummaryMain.run(new String[] {"--network", LinearSoftmaxNetwork.class.getName()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(TrainMain.OK, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith(LinearSoftmaxNetwork.DESCRIPTION.name() + " ("), lines.get(0));
        assertEquals(NetworkSummary.of(LinearSoftmaxNetwork.DESCRIPTION).lines(), lines.subList(1, lines.size()));
    }

    @Test
    void anUnknownClassIsABadConfigurationOnOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SummaryMain.run(new String[] {"--network", "com.example.NoSuchNetwork"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(TrainMain.BAD_CONFIGURATION, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(TrainMain.ERROR_PREFIX + "No class "
                + "com.example.NoSuchNetwork is on the classpath"), err.toString(StandardCharsets.UTF_8));
    }
}
