package org.binaryconnect.runtime.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RngTest {

    @Test
    void matchesTheSplitMix64ReferenceOutputs() {
        // first outputs of the reference SplitMix64 (Steele, Lea, Flood 2014) for seeds 0 and 42
        Rng zero = new Rng(0);
        assertEquals(0xE220A8397B1DCDAFL, zero.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, zero.nextLong());
        assertEquals(0x06C45D188009454FL, zero.nextLong());
        Rng fortyTwo = new Rng(42);
        assertEquals(0xBDD732262FEB6E95L, fortyTwo.nextLong());
        assertEquals(0x28EFE333B266F103L, fortyTwo.nextLong());
    }

    @Test
    void floatAndDoubleDrawsAreTheTopBitsOfTheReferenceStream() {
        // seed 0: top 24 bits of output 1, top 53 bits of output 2, top 24 bits of output 3 (computed independently)
        Rng rng = new Rng(0);
        assertEquals(0.8833107948303223f, rng.nextFloat(), 0f);
        assertEquals(0.43152799704850997, rng.nextDouble(), 0.0);
        assertEquals(0.02643376588821411f, rng.nextFloat(), 0f);
    }

    @Test
    void sameSeedGivesTheSameStreamAndADifferentSeedADifferentOne() {
        Rng a = new Rng(2024);
        Rng b = new Rng(2024);
        Rng c = new Rng(2025);
        int differences = 0;
        for (int i = 0; i < 1000; i++) {
            long va = a.nextLong();
            assertEquals(va, b.nextLong(), "draw " + i);
            differences += va != c.nextLong() ? 1 : 0;
        }
        assertEquals(1000, differences);
    }

    @Test
    void restoringTheSavedStateReplaysTheStream() {
        Rng rng = new Rng(5);
        rng.nextLong();
        long saved = rng.state();
        double[] first = {rng.nextDouble(), rng.nextFloat(), rng.nextInt(1000)};
        rng.nextLong();
        rng.restore(saved);
        double[] replay = {rng.nextDouble(), rng.nextFloat(), rng.nextInt(1000)};
        assertEquals(first[0], replay[0]);
        assertEquals(first[1], replay[1]);
        assertEquals(first[2], replay[2]);
    }

    @Test
    void nextFloatAndNextDoubleAreInTheUnitIntervalWithMeanOneHalf() {
        Rng rng = new Rng(6);
        int n = 200_000;
        double sumF = 0;
        double sumD = 0;
        for (int i = 0; i < n; i++) {
            float f = rng.nextFloat();
            double d = rng.nextDouble();
            assertTrue(f >= 0 && f < 1, "nextFloat " + f);
            assertTrue(d >= 0 && d < 1, "nextDouble " + d);
            sumF += f;
            sumD += d;
        }
        double sigma = Math.sqrt(1.0 / 12 / n);
        assertEquals(0.5, sumF / n, 5 * sigma);
        assertEquals(0.5, sumD / n, 5 * sigma);
    }

    @Test
    void nextFloatAndNextDoubleStayBelowOneForTheLargestPossibleOutput() {
        // SplitMix64's output function is a bijection: this seed (found by inverting it) makes nextLong() all ones
        long allOnesSeed = 0x31628AF67B2131ABL;
        assertEquals(-1L, new Rng(allOnesSeed).nextLong());
        assertEquals(1.0f - 0x1.0p-24f, new Rng(allOnesSeed).nextFloat(), 0f);
        assertEquals(1.0 - 0x1.0p-53, new Rng(allOnesSeed).nextDouble(), 0.0);
        assertEquals(9, new Rng(allOnesSeed).nextInt(10));
    }

    /** Chi-square over the bins, with 20 000 expected draws per bin, against its 1e-4 upper quantile. */
    @ParameterizedTest(name = "bound = {0}")
    @ValueSource(ints = {2, 3, 10, 17})
    void nextIntIsInRangeAndUniform(int bound) {
        Rng rng = new Rng(bound);
        int perBin = 20_000;
        int n = bound * perBin;
        long[] counts = new long[bound];
        for (int i = 0; i < n; i++) {
            int v = rng.nextInt(bound);
            assertTrue(v >= 0 && v < bound, "nextInt(" + bound + ") = " + v);
            counts[v]++;
        }
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - perBin) * (double) (count - perBin) / perBin;
        }
        int dof = bound - 1;
        // Wilson-Hilferty approximation of the chi-square quantile at 1 - 1e-4 (z = 3.719)
        double z = 3.719;
        double a = 2.0 / (9 * dof);
        double limit = dof * Math.pow(1 - a + z * Math.sqrt(a), 3);
        assertTrue(chiSquare < limit, "chi-square " + chiSquare + " >= " + limit + " for bound " + bound);
    }

    @Test
    void nextIntCoversTheWholeRangeOfALargeBound() {
        Rng rng = new Rng(8);
        int bound = Integer.MAX_VALUE;
        int below = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            int v = rng.nextInt(bound);
            assertTrue(v >= 0, "negative " + v);
            below += v < bound / 2 ? 1 : 0;
        }
        assertEquals(0.5, (double) below / n, 5 * Math.sqrt(0.25 / n));
        Rng one = new Rng(9);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, one.nextInt(1));
        }
    }

    @Test
    void splitGivesAGeneratorWhoseStreamDiffersFromItsParent() {
        Rng parent = new Rng(10);
        Rng child = parent.split();
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            same += parent.nextLong() == child.nextLong() ? 1 : 0;
        }
        assertEquals(0, same);
        assertNotEquals(new Rng(10).split().nextLong(), new Rng(11).split().nextLong());
    }
}
