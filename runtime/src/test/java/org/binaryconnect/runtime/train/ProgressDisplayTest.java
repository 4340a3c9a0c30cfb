package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.run.EpochResult;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {

    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now = 1_000_000 * MS;
    private final InPlaceProgressBar bar = new InPlaceProgressBar(out, () -> now);

    @Test
    void anEpochStartsWithAnEmptyBar() {
        bar.epochStarted(3, 10, 200, 50);

        assertEquals("\repoch 3/10 [                ]   0/200", output());
    }

    @Test
    void etaLossAndRateFollowFromTheBatchesDoneSoFar() {
        bar.epochStarted(1, 2, 100, 50);
        for (int b = 1; b <= 25; b++) {
            now += 200 * MS;
            bar.batchDone(b, b <= 5 ? 1.0 : 0.5);
        }

        // 25 of 100 batches in 5 s: 75 to go take 15 s; 1250 samples in 5 s; mean loss (5 * 1 + 20 * 0.5) / 25.
        assertEquals("epoch 1/2 [====>           ]  25/100 ETA 0:15 loss 0.6000 250 samples/s", lastDraw());
    }

    @Test
    void longEtasShowHours() {
        assertEquals("0:00", InPlaceProgressBar.clock(0.4));
        assertEquals("1:05", InPlaceProgressBar.clock(65));
        assertEquals("59:59", InPlaceProgressBar.clock(3599));
        assertEquals("1:02:03", InPlaceProgressBar.clock(3723));
    }

    @Test
    void redrawsAtMostTenTimesASecond() {
        bar.epochStarted(1, 1, 1000, 10);
        for (int b = 1; b < 1000; b++) {
            now += MS;
            bar.batchDone(b, 0.1);
        }

        // 999 batches a millisecond apart: the start, then one redraw per 100 ms.
        assertEquals(1 + 9, draws().size());
    }

    @Test
    void theLastBatchIsAlwaysDrawnAndSaysEvaluationIsRunning() {
        bar.epochStarted(2, 2, 10, 10);
        for (int b = 1; b <= 10; b++) {
            now += MS;
            bar.batchDone(b, 0.25);
        }

        assertEquals(2, draws().size());
        assertEquals("epoch 2/2 [================] 10/10 evaluating loss 0.2500 10000 samples/s", lastDraw());
    }

    @Test
    void aShorterLineBlanksWhatIsLeftOfTheLongerOneBeforeIt() {
        bar.epochStarted(1, 1, 1000, 10);
        now += 1000 * MS;
        bar.batchDone(1, 0.5);
        // ETA 16:39 at 10 samples/s; four seconds later 4 samples/s, one character shorter.
        now += 4000 * MS;
        bar.batchDone(2, 12.5);

        List<String> draws = draws();
        String longer = draws.get(1);
        String shorter = draws.get(2);
        assertEquals("epoch 1/1 [>               ]    2/1000 ETA 41:35 loss 6.5000 4 samples/s", shorter.strip());
        assertEquals(longer.length(), shorter.length(), "padded to the longer line's length");
    }

    @Test
    void theEpochLineReplacesTheBarAndEndsTheLine() {
        EpochResult result = new EpochResult(1, 0.001, 0.5, 0.8, 0.79, 12.3, 4567);
        bar.epochStarted(1, 3, 10, 10);
        now += 50 * MS;
        bar.batchDone(1, 0.5);
        now += 500 * MS;
        bar.batchDone(2, 0.5);

        bar.epochDone(result);
        bar.close();

        String output = output();
        String expected = "\r" + result.consoleLine(3) + System.lineSeparator();
        assertTrue(output.endsWith(expected), output);
        assertEquals(3, draws().size(), "the start, batch 2 (batch 1 was within 100 ms) and the epoch line");
    }

    @Test
    void closingWithinAnEpochEndsTheOpenLine() {
        bar.epochStarted(1, 3, 10, 10);
        bar.close();
        bar.close();

        assertEquals("\repoch 1/3 [                ]  0/10" + System.lineSeparator(), output());
    }

    @Test
    void theConsoleFactoryChoosesByTheInteractiveFlag() {
        assertInstanceOf(InPlaceProgressBar.class, ProgressDisplay.forConsole(out, true));
        assertInstanceOf(EpochLines.class, ProgressDisplay.forConsole(out, false));
    }

    @Test
    void batchModePrintsOnlyOneLinePerEpoch() {
        List<String> lines = new ArrayList<>();
        EpochResult first = new EpochResult(1, 0.001, 0.5, Double.NaN, 0.79, 12.3, 4567);
        EpochResult second = new EpochResult(2, 0.0005, 0.4, Double.NaN, 0.81, 12.1, 4600);
        try (ProgressDisplay display = ProgressDisplay.epochLines(lines::add)) {
            display.epochStarted(1, 2, 3, 10);
            display.batchDone(1, 0.5);
            display.batchDone(2, 0.5);
            display.batchDone(3, 0.5);
            display.epochDone(first);
            display.epochStarted(2, 2, 3, 10);
            display.batchDone(1, 0.5);
            display.epochDone(second);
        }

        assertEquals(List.of(first.consoleLine(2), second.consoleLine(2)), lines);
    }

    @Test
    void thePlainConsoleDisplayPrintsTheEpochLineAlone() {
        EpochResult result = new EpochResult(1, 0.001, 0.5, 0.8, 0.79, 12.3, 4567);
        ProgressDisplay display = ProgressDisplay.forConsole(out, false);
        display.epochStarted(1, 1, 2, 10);
        display.batchDone(1, 0.5);
        display.batchDone(2, 0.5);
        display.epochDone(result);
        display.close();

        assertEquals(result.consoleLine(1) + System.lineSeparator(), output());
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Each carriage-return redraw, as written (trailing padding included). */
    private List<String> draws() {
        List<String> draws = new ArrayList<>(List.of(output().split("\r", -1)));
        draws.remove(0);
        return draws;
    }

    private String lastDraw() {
        List<String> draws = draws();
        return draws.get(draws.size() - 1).stripTrailing();
    }
}
