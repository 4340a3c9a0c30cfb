package org.binaryconnect.runtime.train;

import java.util.function.Consumer;
import org.binaryconnect.runtime.run.EpochResult;

/** The progress of batch mode and of output that is not a terminal: a plain line as each epoch ends. */
final class EpochLines implements ProgressDisplay {

    private final Consumer<String> console;
    private int epochs;

    EpochLines(Consumer<String> console) {
        this.console = console;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches, int batchSize) {
        this.epochs = epochs;
    }

    @Override
    public void batchDone(int batch, double loss) {
    }

    @Override
    public void epochDone(EpochResult result) {
        console.accept(result.consoleLine(epochs));
    }

    @Override
    public void close() {
    }
}
