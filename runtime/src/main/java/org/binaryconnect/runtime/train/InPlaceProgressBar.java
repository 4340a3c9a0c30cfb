package org.binaryconnect.runtime.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.binaryconnect.runtime.run.EpochResult;

/**
 * The progress of an interactive terminal: one line redrawn in place with a carriage return, e.g.
 * {@code epoch 3/10 [=======>        ] 234/468 ETA 0:42 loss 0.4123 2345 samples/s}, replaced by the plain epoch
 * line when the epoch ends. The ETA is of the epoch's training (evaluation follows it). The line is kept short (under
 * 80 columns for runs of up to 99 epochs and 999 batches), as a line that wraps cannot be redrawn in place; redraws
 * are at least {@value #REDRAW_NANOS} ns apart, as redrawing a terminal at every batch of a fast network would cost
 * more than the batch.
 */
final class InPlaceProgressBar implements ProgressDisplay {

    static final long REDRAW_NANOS = 100_000_000L;
    static final int BAR_WIDTH = 16;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private int epoch;
    private int epochs;
    private int batches;
    private int batchSize;
    private long epochStart;
    private long lastDraw;
    private double lossSum;
    private int drawnLength;
    private boolean lineOpen;

    /** @param nanoClock {@code System::nanoTime}, or a test's clock */
    InPlaceProgressBar(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches, int batchSize) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.batches = batches;
        this.batchSize = batchSize;
        this.lossSum = 0;
        this.epochStart = nanoClock.getAsLong();
        draw(line(0, epochStart), epochStart);
    }

    @Override
    public void batchDone(int batch, double loss) {
        lossSum += loss;
        long now = nanoClock.getAsLong();
        // The last batch is always drawn: the full bar says evaluation is running, which can take a while.
        if (batch == batches || now - lastDraw >= REDRAW_NANOS) {
            draw(line(batch, now), now);
        }
    }

    @Override
    public void epochDone(EpochResult result) {
        out.print("\r" + padded(result.consoleLine(epochs)));
        out.println();
        out.flush();
        drawnLength = 0;
        lineOpen = false;
    }

    @Override
    public void close() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    /** The bar after {@code done} batches at time {@code now}. */
    String line(int done, long now) {
        int digits = String.valueOf(batches).length();
        StringBuilder line = new StringBuilder(format("epoch %d/%d [%s] %" + digits + "d/%d", epoch, epochs,
                bar(done), done, batches));
        if (done == 0) {
            return line.toString();
        }
        double seconds = (now - epochStart) / 1e9;
        line.append(done == batches ? " evaluating" : " ETA " + clock(seconds * (batches - done) / done));
        line.append(format(" loss %.4f", lossSum / done));
        if (seconds > 0) {
            line.append(format(" %.0f samples/s", (double) done * batchSize / seconds));
        }
        return line.toString();
    }

    private String bar(int done) {
        int filled = (int) ((long) done * BAR_WIDTH / batches);
        StringBuilder bar = new StringBuilder(BAR_WIDTH);
        bar.append("=".repeat(filled));
        if (filled < BAR_WIDTH && done > 0) {
            bar.append('>');
        }
        return bar.append(" ".repeat(BAR_WIDTH - bar.length())).toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        long rest = whole % 60;
        return hours > 0 ? format("%d:%02d:%02d", hours, minutes, rest) : format("%d:%02d", minutes, rest);
    }

    private void draw(String line, long now) {
        out.print("\r" + padded(line));
        out.flush();
        drawnLength = line.length();
        lastDraw = now;
        lineOpen = true;
    }

    /** {@code line} with spaces over what is left of a longer line drawn before it. */
    private String padded(String line) {
        return line + " ".repeat(Math.max(0, drawnLength - line.length()));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
