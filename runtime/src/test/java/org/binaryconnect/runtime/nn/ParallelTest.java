package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every index runs exactly once, failures reach the caller, and a split inside a split does not deadlock. */
class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnce() {
        int length = 5 * Parallel.MIN_SPLIT + 17;
        AtomicIntegerArray runs = new AtomicIntegerArray(length);
        Parallel.split(length, (from, to) -> {
            for (int i = from; i < to; i++) {
                runs.incrementAndGet(i);
            }
        });
        for (int i = 0; i < length; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }

    @Test
    void manySplitsInARowEachRunEveryIndexExactlyOnce() {
        // Back-to-back splits: the helper is handed the next half as soon as it has reported the last one.
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int split = 0; split < 2000; split++) {
            int length = Parallel.MIN_SPLIT + random.nextInt(3 * Parallel.MIN_SPLIT);
            AtomicIntegerArray runs = new AtomicIntegerArray(length);
            Parallel.split(length, (from, to) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            });
            for (int i = 0; i < length; i++) {
                assertEquals(1, runs.get(i), "split " + split + ", index " + i);
            }
        }
    }

    @Test
    void columnSplitsRunEveryIndexOnceAndCutAtAGranule() {
        int length = 2048 + 7;
        AtomicIntegerArray runs = new AtomicIntegerArray(length);
        java.util.List<Integer> starts = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Parallel.split(length, 16, 100L * length, (from, to) -> {
            starts.add(from);
            for (int i = from; i < to; i++) {
                runs.incrementAndGet(i);
            }
        });
        for (int i = 0; i < length; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
        for (int start : starts) {
            assertEquals(0, start % 16, "a half starts at " + start);
        }
        // too little work, or too few columns to cut: in place, in one piece
        starts.clear();
        Parallel.split(10, 16, 100L * 10, (from, to) -> starts.add(from));
        Parallel.split(4096, 16, Parallel.MIN_SPLIT - 1, (from, to) -> starts.add(from));
        assertEquals(java.util.List.of(0, 0), starts);
    }

    @Test
    void aFailureOnEitherThreadReachesTheCaller() {
        IllegalStateException failure = new IllegalStateException("late half");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Parallel.split(4 * Parallel.MIN_SPLIT, (from, to) -> {
                    if (from > 0) {
                        throw failure;
                    }
                }));
        assertSame(failure, thrown);
        everyIndexRunsExactlyOnce();
    }

    @Test
    void nestedSplitsDoNotDeadlock() {
        int length = 4 * Parallel.MIN_SPLIT;
        AtomicIntegerArray runs = new AtomicIntegerArray(length);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Parallel.split(length, (from, to) ->
                Parallel.split(to - from, (innerFrom, innerTo) -> {
                    for (int i = innerFrom; i < innerTo; i++) {
                        runs.incrementAndGet(from + i);
                    }
                })));
        for (int i = 0; i < length; i++) {
            assertEquals(1, runs.get(i), "index " + i);
        }
    }
}
