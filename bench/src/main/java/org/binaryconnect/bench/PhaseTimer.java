package org.binaryconnect.bench;

/** Wall-clock time per training phase, summed over steps, from {@link System#nanoTime()}. */
final class PhaseTimer {

    /** The phases of one step, in the order a step runs them. */
    enum Phase {
        DATA("data"),
        BINARIZE("binarize"),
        FORWARD("forward"),
        BACKWARD("backward"),
        UPDATE("update");

        final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private final long[] nanos = new long[Phase.values().length];
    private int steps;

    /**
     * Adds the time since {@code start} to {@code phase} and returns now, so that consecutive phases chain:
     * {@code t = timer.add(Phase.FORWARD, t)}.
     */
    long add(Phase phase, long start) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - start;
        return now;
    }

    void endStep() {
        steps++;
    }

    int steps() {
        return steps;
    }

    /** Milliseconds per step spent in {@code phase}. */
    double millisPerStep(Phase phase) {
        return nanos[phase.ordinal()] / 1e6 / steps;
    }

    /** Milliseconds per step over all phases. */
    double totalMillisPerStep() {
        long total = 0;
        for (long phaseNanos : nanos) {
            total += phaseNanos;
        }
        return total / 1e6 / steps;
    }
}
