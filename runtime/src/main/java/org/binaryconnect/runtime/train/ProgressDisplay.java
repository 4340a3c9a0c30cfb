package org.binaryconnect.runtime.train;

import java.io.PrintStream;
import java.util.function.Consumer;
import org.binaryconnect.runtime.run.EpochResult;

/**
 * What a person watching training sees while it runs. The trainer reports each epoch's start, each batch and each
 * epoch's figures; a display decides what to print. Closing it ends any line it left open, so that an error printed
 * after a failed epoch starts on a line of its own.
 */
public interface ProgressDisplay extends AutoCloseable {

    /**
     * @param epoch 1-based
     * @param batches the batches this epoch trains
     * @param batchSize samples per batch, for the rate
     */
    void epochStarted(int epoch, int epochs, int batches, int batchSize);

    /**
     * @param batch how many of the epoch's batches are done, 1-based; every batch is reported, in order
     * @param loss that batch's training loss
     */
    void batchDone(int batch, double loss);

    void epochDone(EpochResult result);

    @Override
    void close();

    /**
     * The display for a console: on an interactive terminal a bar redrawn in place within each epoch
     * ({@link InPlaceProgressBar}), otherwise (batch mode, output piped to a file or another process) only one plain
     * line per epoch, which logs keep readable.
     */
    static ProgressDisplay forConsole(PrintStream out, boolean interactive) {
        return interactive ? new InPlaceProgressBar(out, System::nanoTime) : epochLines(out::println);
    }

    /** One line per epoch, {@link EpochResult#consoleLine(int)}, to {@code console}; nothing within an epoch. */
    static ProgressDisplay epochLines(Consumer<String> console) {
        return new EpochLines(console);
    }
}
