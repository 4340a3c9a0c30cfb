package org.binaryconnect.processor.inference;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.binaryconnect.processor.specs.WideInferenceNetInference;
import org.junit.jupiter.api.Test;

/**
 * 10,000 damaged packed models read by a generated inference class: truncations, bit flips, random bytes, garbage,
 * 32-bit fields overwritten with huge, negative or zero sizes, and trailing bytes. Every one ends in the class's own
 * {@code InvalidModelException}: never another exception, an OutOfMemoryError, a hang or a model.
 */
class PackedModelFuzzTest {

    private static final int CASES = 10_000;

    @Test
    void damagedPackedModelsAreAllRejected() {
        byte[] valid = GeneratedInferenceTest.wide(3).bytes();
        Random random = new Random(7);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] damaged = mutate(valid, random);
                try {
                    WideInferenceNetInference.load(new ByteArrayInputStream(damaged));
                    fail("case " + i + ": a damaged file (" + damaged.length + " bytes) loaded as a model");
                } catch (WideInferenceNetInference.InvalidModelException expected) {
                    // the reader's own error
                } catch (Throwable e) {
                    fail("case " + i + " ended in " + e, e);
                }
            }
        });
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] mutated;
        do {
            mutated = switch (random.nextInt(6)) {
                case 0 -> Arrays.copyOf(valid, random.nextInt(valid.length));
                case 1 -> {
                    byte[] copy = valid.clone();
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        int bit = random.nextInt(copy.length * 8);
                        copy[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    yield copy;
                }
                case 2 -> {
                    byte[] copy = valid.clone();
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    yield copy;
                }
                case 3 -> {
                    byte[] garbage = new byte[random.nextInt(2 * valid.length + 1)];
                    random.nextBytes(garbage);
                    yield garbage;
                }
                case 4 -> {
                    byte[] copy = valid.clone();
                    int offset = random.nextInt(Math.min(copy.length - 4, 96));
                    int[] sizes = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 30, 65535, 1 << 24};
                    ByteBuffer.wrap(copy).putInt(offset, sizes[random.nextInt(sizes.length)]);
                    yield copy;
                }
                default -> Arrays.copyOf(valid, valid.length + 1 + random.nextInt(16));
            };
        } while (Arrays.equals(mutated, valid));
        return mutated;
    }
}
