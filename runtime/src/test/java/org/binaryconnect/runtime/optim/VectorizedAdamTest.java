package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.runtime.nn.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Vector API update ({@link VectorizedAdam}) gives what the scalar float path gives, bit for bit: W, both
 * moments and the binary weights, over several steps, for every binarization, for lengths that leave a scalar tail
 * and split over both threads, with weights at and beyond the clip bound, signed zeros, subnormals and NaN.
 */
class VectorizedAdamTest {

    /** The machines this project is built on have AVX-512; where one has not, the scalar path is the only path. */
    private static boolean cpuHas512BitVectors() throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return Files.isReadable(cpuinfo) && Files.readString(cpuinfo).contains(" avx512f");
    }

    @Test
    void theBuildsTestsRunTheVectorPathWhereTheCpuHasIt() throws Exception {
        assertTrue(ModuleLayer.boot().findModule(VectorApi.MODULE).isPresent(),
                "surefire's argLine adds the module");
        assertEquals(cpuHas512BitVectors(), VectorApi.available());
    }

    @ParameterizedTest
    @CsvSource({
        "STOCHASTIC, 60013, 0.5",
        "STOCHASTIC, 7, 1.0",
        "STOCHASTIC, 8192, 1.0",
        "DETERMINISTIC, 40965, 0.25",
        "NONE, 16411, 1.0",
    })
    void vectorPathEqualsScalarPathBitForBit(Binarization mode, int length, double h) {
        assumeTrue(VectorApi.available(), "no 512-bit vectors here: only the scalar path runs");
        SplittableRandom random = new SplittableRandom(length);
        float[] initial = new float[length];
        for (int i = 0; i < length; i++) {
            initial[i] = (float) ((random.nextDouble() * 2.4 - 1.2) * h);
        }
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, (float) h, (float) -h, Math.nextUp((float) h),
            Float.NaN};
        for (int i = 0; i < special.length && i < length; i++) {
            initial[length - 1 - i] = special[i];
            initial[i * 1031 % length] = special[i];
        }
        Parameter vector = binary(initial, h, mode, 5);
        Parameter scalar = binary(initial, h, mode, 5);
        AdamOptimizer vectorized = new AdamOptimizer(0.9, 0.999, 1e-8, true);
        AdamOptimizer plain = new AdamOptimizer(0.9, 0.999, 1e-8, false);
        for (int step = 0; step < 4; step++) {
            float[] gradient = new float[length];
            for (int i = 0; i < length; i++) {
                gradient[i] = (float) (random.nextGaussian() * Math.pow(10, -random.nextInt(6)));
            }
            gradient[length / 2] = -0f;
            vector.gradient().assign(Nd4j.createFromArray(gradient));
            scalar.gradient().assign(Nd4j.createFromArray(gradient));
            vectorized.update(List.of(vector), 1e-2);
            plain.update(List.of(scalar), 1e-2);

            assertSameBits(scalar.value(), vector.value(), "W after step " + step);
            assertSameBits(scalar.firstMoment(), vector.firstMoment(), "m after step " + step);
            assertSameBits(scalar.secondMoment(), vector.secondMoment(), "v after step " + step);
            assertSameBits(scalar.propagated(), vector.propagated(), "Wb after step " + step);
        }
        if (mode != Binarization.NONE) {
            assertEquals(h, vector.propagated().amaxNumber().doubleValue(), 0.0, "binary weights are +-H");
        }
        assertSameBits(Nd4j.zeros(DataType.FLOAT, length), vector.gradient(), "the gradient, left +0 for the product");
        assertNotEquals(Nd4j.createFromArray(initial), vector.value(), "the weights moved");
    }

    @Test
    void theNextWeightGradientOverwritesTheZeroedGradientWithTheProductsExactBits() {
        assumeTrue(VectorApi.available(), "no 512-bit vectors here: only the scalar path runs");
        INDArray x = Nd4j.randn(DataType.FLOAT, 100, 300);
        INDArray delta = Nd4j.randn(DataType.FLOAT, 100, 200);
        INDArray expected = Nd4j.create(DataType.FLOAT, 300, 200);
        org.binaryconnect.runtime.nn.Gemm.multiply(x, true, delta, false, expected);
        Parameter matrix = Parameter.binary("w", Nd4j.zeros(DataType.FLOAT, 300, 200), 1, 3, Binarization.STOCHASTIC,
                new Rng(1));
        matrix.gradient().assign(Nd4j.randn(DataType.FLOAT, 300, 200));
        new AdamOptimizer(0.9, 0.999, 1e-8, true).update(List.of(matrix), 1e-2);

        matrix.setGradientToProduct(x, true, delta, false);
        assertSameBits(expected, matrix.gradient(), "the product added to the zeroed gradient (beta = 1)");
        matrix.setGradientToProduct(x, true, delta, false);
        assertSameBits(expected, matrix.gradient(), "a second product overwrites (beta = 0), as nothing zeroed it");
    }

    @Test
    void aBrokenVectorPathWouldBeNoticed() {
        assumeTrue(VectorApi.available(), "no 512-bit vectors here: only the scalar path runs");
        Parameter vector = binary(new float[64], 1, Binarization.STOCHASTIC, 9);
        Parameter scalar = binary(new float[64], 1, Binarization.STOCHASTIC, 10);
        vector.gradient().assign(0.5);
        scalar.gradient().assign(0.5);
        new AdamOptimizer(0.9, 0.999, 1e-8, true).update(List.of(vector), 1e-2);
        new AdamOptimizer(0.9, 0.999, 1e-8, false).update(List.of(scalar), 1e-2);
        assertThrows(AssertionError.class, () -> assertSameBits(scalar.propagated(), vector.propagated(), "Wb"),
                "another random stream gives other binary weights: the comparison is not blind");
    }

    @Test
    void aJvmWithoutTheModuleLoadsTheOptimizerAndComputesTheSameBits() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), UpdateFingerprint.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        List<String> lines = output.lines().filter(line -> line.startsWith("vector ") || line.startsWith("hash "))
                .toList();
        assertEquals(List.of("vector false", UpdateFingerprint.of(new AdamOptimizer(0.9, 0.999, 1e-8))), lines,
                output);
        if (!VectorApi.available()) {
            assertThrows(IllegalStateException.class, () -> new AdamOptimizer(0.9, 0.999, 1e-8, true));
        }
    }

    private static Parameter binary(float[] initial, double h, Binarization mode, long seed) {
        INDArray value = Nd4j.createFromArray(initial.clone()).castTo(DataType.FLOAT);
        Parameter parameter = Parameter.binary("w", value, h, 3, mode, new Rng(seed));
        parameter.propagated().assign(value);
        return parameter;
    }

    private static void assertSameBits(INDArray expected, INDArray actual, String what) {
        float[] e = expected.data().asFloat();
        float[] a = actual.data().asFloat();
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToIntBits(e[i]) != Float.floatToIntBits(a[i])) {
                throw new AssertionError(what + ": element " + i + " is " + a[i] + ", the scalar path gives " + e[i]);
            }
        }
    }
}
