package org.binaryconnect.runtime.fuzz;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Damaged variants of a valid file, each case chosen by a seeded generator: truncations, bit flips, random bytes,
 * random garbage, and 32-bit fields overwritten with huge, negative or zero sizes.
 */
public final class Mutations {

    private final byte[] valid;
    private final Random random;

    public Mutations(byte[] valid, long seed) {
        this.valid = valid;
        this.random = new Random(seed);
    }

    /** The next damaged variant; never equal to the valid bytes. */
    public byte[] next() {
        byte[] mutated;
        do {
            mutated = mutate();
        } while (Arrays.equals(mutated, valid));
        return mutated;
    }

    private byte[] mutate() {
        switch (random.nextInt(6)) {
            case 0:
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1: {
                byte[] copy = valid.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    int bit = random.nextInt(copy.length * 8);
                    copy[bit / 8] ^= (byte) (1 << (bit % 8));
                }
                return copy;
            }
            case 2: {
                byte[] copy = valid.clone();
                copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                return copy;
            }
            case 3: {
                byte[] garbage = new byte[random.nextInt(2 * valid.length + 1)];
                random.nextBytes(garbage);
                return garbage;
            }
            case 4: {
                byte[] copy = valid.clone();
                int offset = random.nextInt(Math.max(1, Math.min(copy.length - 4, 64)));
                int[] sizes = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 30, 65535, 1 << 24};
                ByteBuffer.wrap(copy).putInt(offset, sizes[random.nextInt(sizes.length)]);
                return copy;
            }
            default: {
                byte[] longer = Arrays.copyOf(valid, valid.length + 1 + random.nextInt(16));
                return longer;
            }
        }
    }
}
