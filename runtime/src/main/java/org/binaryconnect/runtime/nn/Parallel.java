package org.binaryconnect.runtime.nn;

import java.util.concurrent.locks.LockSupport;

/**
 * Splits the largest elementwise loops (binarization, optimizer updates) in two halves: one runs on a helper
 * thread, the other on the caller. These loops run between matrix products, while OpenBLAS's threads are idle,
 * so without this one core would wait. The helper is a single daemon thread that parks when idle; handing it
 * work allocates nothing.
 */
public final class Parallel {

    /** A loop body over the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** Below this many elements a split costs more than it saves. */
    static final int MIN_SPLIT = 4 * Scratch.CHUNK;

    private static final Worker WORKER = new Worker();

    private Parallel() {
    }

    /**
     * Runs {@code body} over {@code [0, length)}, in two chunk-aligned halves on two threads when the range is
     * large enough. Returns when both are done; rethrows what either threw.
     */
    public static void split(int length, Range body) {
        split(length, Scratch.CHUNK, length, body);
    }

    /**
     * Runs {@code body} over {@code [0, length)}, in two halves split at a multiple of {@code granule}, when the
     * whole loop touches at least {@link #MIN_SPLIT} elements ({@code work}): for kernels over the columns of a
     * matrix, whose rows each thread walks for its own columns.
     */
    public static void split(int length, int granule, long work, Range body) {
        // A body that splits again, on either thread, would wait for a helper that is busy with the outer split:
        // nested splits run in place.
        int middle = (length / 2 / granule) * granule;
        if (work < MIN_SPLIT || middle == 0 || Runtime.getRuntime().availableProcessors() < 2
                || WORKER.isCurrentThread() || Thread.holdsLock(WORKER)) {
            body.run(0, length);
            return;
        }
        synchronized (WORKER) {
            WORKER.post(body, middle, length);
            Throwable callerFailure = null;
            try {
                body.run(0, middle);
            } catch (RuntimeException | Error e) {
                callerFailure = e;
            }
            Throwable helperFailure = WORKER.await();
            Throwable failure = callerFailure != null ? callerFailure : helperFailure;
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }

    private static final class Worker implements Runnable {
        private static final int IDLE = 0;
        private static final int POSTED = 1;
        private static final int DONE = 2;

        private final Thread thread;
        private Range body;
        private int from;
        private int to;
        private Throwable failure;
        private volatile int state = IDLE;

        Worker() {
            thread = new Thread(this, "binaryconnect-kernel-helper");
            thread.setDaemon(true);
            thread.start();
        }

        boolean isCurrentThread() {
            return Thread.currentThread() == thread;
        }

        void post(Range range, int start, int end) {
            body = range;
            from = start;
            to = end;
            failure = null;
            state = POSTED;
            LockSupport.unpark(thread);
        }

        Throwable await() {
            while (state != DONE) {
                Thread.onSpinWait();
            }
            state = IDLE;
            body = null;
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                while (state != POSTED) {
                    LockSupport.park(this);
                }
                try {
                    body.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                }
                state = DONE;
            }
        }
    }
}
