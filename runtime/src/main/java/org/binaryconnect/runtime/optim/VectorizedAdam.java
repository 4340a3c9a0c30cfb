package org.binaryconnect.runtime.optim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.runtime.nn.Rng;
import org.binaryconnect.runtime.nn.Scratch;

/**
 * Adam's single-precision update of a binary parameter, its clip to {@code [-H, H]} and the next step's
 * binarization, chunk by chunk straight over the native arrays, with the JDK's incubating Vector API. It computes
 * exactly what {@link AdamOptimizer}'s scalar path computes, element for element and bit for bit (the same float
 * operations in the same order, no fused multiply-adds; {@code VectorizedAdamTest} compares them), only faster:
 * <ul>
 *   <li>it reads and writes the native arrays directly, where the scalar path copies each chunk of W, the
 *       gradient and both moments to heap arrays and back;</li>
 *   <li>stochastic binarization turns its random bits into floats with vector conversions, which C2 on JDK 17
 *       does not vectorize in plain loops (1.1 ns per weight on the scalar path);</li>
 *   <li>clipping and binarization compare and blend instead of {@code Math.min}/{@code max}.</li>
 * </ul>
 * Only {@link VectorApi#available()} decides whether this class is loaded: it needs
 * {@code --add-modules jdk.incubator.vector}, which the plugin's training JVM and the build's tests are given.
 */
final class VectorizedAdam {

    /** Eight floats per vector: the 512-bit long vectors of the random bits convert to 256-bit float vectors. */
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_256;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;
    static final int LANES = 8;

    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    /** {@code (i + 1) * GAMMA}, as in {@link Rng}: draw {@code i} of a chunk is {@code mix(base + INCREMENTS[i])}. */
    private static final long[] INCREMENTS = new long[Scratch.CHUNK];

    static {
        for (int i = 0; i < INCREMENTS.length; i++) {
            INCREMENTS[i] = (i + 1) * GAMMA;
        }
    }

    private VectorizedAdam() {
    }

    /**
     * Updates elements {@code [from, to)}, {@code to - from} a multiple of {@link #LANES}: W, the two moments and,
     * unless {@code binarization} is {@code NONE}, Wb (stochastic draws from the stream {@code binarizationStream}
     * reserved for the whole array, draw {@code i} for element {@code i}); sets the gradient to +0.
     * Chunk by chunk, the binarization pass reads W back while it is still in cache. Each pass is a loop of its own:
     * C2 compiles Vector API code to vector instructions only where it inlines all of it, and one loop doing both
     * exceeded its inlining budget (measured: slower than the scalar path).
     */
    static void update(ByteBuffer value, ByteBuffer gradient, ByteBuffer firstMoment, ByteBuffer secondMoment,
            ByteBuffer binary, int from, int to, AdamStep step, Binarization binarization, long binarizationStream) {
        for (int chunk = from; chunk < to; chunk += Scratch.CHUNK) {
            int chunkEnd = Math.min(to, chunk + Scratch.CHUNK);
            adam(value, gradient, firstMoment, secondMoment, chunk, chunkEnd, step);
            switch (binarization) {
                case DETERMINISTIC -> deterministic(value, binary, chunk, chunkEnd, step.h());
                case STOCHASTIC -> stochastic(value, binary, chunk, chunkEnd, step.h(),
                        binarizationStream + chunk * GAMMA);
                case NONE -> {
                }
            }
        }
    }

    /**
     * Adam and the clip to [-H, H] over {@code [from, to)}, as the scalar float path computes them. The gradient is
     * left +0 once read: the cache line is already here, and the next weight-gradient product then adds to it
     * instead of zeroing it in a pass over memory of its own ({@link Parameter#setGradientToProduct}).
     */
    private static void adam(ByteBuffer value, ByteBuffer gradient, ByteBuffer firstMoment, ByteBuffer secondMoment,
            int from, int to, AdamStep step) {
        ByteOrder order = ByteOrder.nativeOrder();
        float b1 = step.beta1();
        float oneMinusB1 = 1 - b1;
        float b2 = step.beta2();
        float oneMinusB2 = 1 - b2;
        float eps = step.epsilon();
        // The scalar path's w -= scale * stepSize * m / (sqrt(v) + eps) multiplies left to right.
        float scaledStep = step.learningRateScale() * step.stepSize();
        float h = step.h();
        FloatVector plusH = FloatVector.broadcast(FLOATS, h);
        FloatVector minusH = FloatVector.broadcast(FLOATS, -h);
        FloatVector zero = FloatVector.zero(FLOATS);
        for (int i = from; i < to; i += LANES) {
            int at = i * Float.BYTES;
            FloatVector g = FloatVector.fromByteBuffer(FLOATS, gradient, at, order);
            zero.intoByteBuffer(gradient, at, order);
            FloatVector m = FloatVector.fromByteBuffer(FLOATS, firstMoment, at, order).mul(b1)
                    .add(g.mul(oneMinusB1));
            FloatVector v = FloatVector.fromByteBuffer(FLOATS, secondMoment, at, order).mul(b2)
                    .add(g.mul(oneMinusB2).mul(g));
            m.intoByteBuffer(firstMoment, at, order);
            v.intoByteBuffer(secondMoment, at, order);
            FloatVector w = FloatVector.fromByteBuffer(FLOATS, value, at, order)
                    .sub(m.mul(scaledStep).div(v.sqrt().add(eps)));
            // Math.max(-h, Math.min(h, w)) with compare and blend; NaN stays NaN (both comparisons are false).
            w.blend(plusH, w.compare(VectorOperators.GT, h)).blend(minusH, w.compare(VectorOperators.LT, -h))
                    .intoByteBuffer(value, at, order);
        }
    }

    /**
     * {@link org.binaryconnect.runtime.nn.Binarize#deterministicChunk}: +H for {@code w >= 0} (-0 included),
     * -H below, NaN for NaN ({@code w - w} is +0 for every finite w, which leaves +-H as they are).
     */
    private static void deterministic(ByteBuffer value, ByteBuffer binary, int from, int to, float h) {
        ByteOrder order = ByteOrder.nativeOrder();
        FloatVector plusH = FloatVector.broadcast(FLOATS, h);
        FloatVector minusH = FloatVector.broadcast(FLOATS, -h);
        for (int i = from; i < to; i += LANES) {
            int at = i * Float.BYTES;
            FloatVector w = FloatVector.fromByteBuffer(FLOATS, value, at, order);
            minusH.blend(plusH, w.compare(VectorOperators.GE, 0f)).add(w.sub(w)).intoByteBuffer(binary, at, order);
        }
    }

    /**
     * {@link org.binaryconnect.runtime.nn.Binarize#stochasticChunk} with the draws of {@code chunkStream}: +H
     * exactly when {@code u < p}, p the hard sigmoid {@code clamp(w / 2H + 1/2, 0, 1)}. Comparing {@code u} with
     * the unclamped {@code w / 2H + 1/2} gives the same outcome, as {@code 0 <= u < 1}; NaN weights give NaN.
     */
    private static void stochastic(ByteBuffer value, ByteBuffer binary, int from, int to, float h,
            long chunkStream) {
        ByteOrder order = ByteOrder.nativeOrder();
        float halfOverH = 0.5f / h;
        FloatVector plusH = FloatVector.broadcast(FLOATS, h);
        FloatVector minusH = FloatVector.broadcast(FLOATS, -h);
        for (int i = from; i < to; i += LANES) {
            int at = i * Float.BYTES;
            FloatVector w = FloatVector.fromByteBuffer(FLOATS, value, at, order);
            FloatVector p = w.mul(halfOverH).add(0.5f);
            FloatVector u = uniform(chunkStream, i - from);
            minusH.blend(plusH, p.compare(VectorOperators.GT, u)).add(w.sub(w)).intoByteBuffer(binary, at, order);
        }
    }

    /**
     * Draws {@code [index, index + 8)} of a chunk whose stream starts at {@code chunkStream}: SplitMix64's
     * output, its top 24 bits scaled to [0, 1), exactly as {@link Rng#fillFloats(long, int, float[], int)}.
     */
    private static FloatVector uniform(long chunkStream, int index) {
        LongVector z = LongVector.fromArray(LONGS, INCREMENTS, index).add(chunkStream);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31)).lanewise(VectorOperators.LSHR, 40);
        IntVector bits = (IntVector) z.convertShape(VectorOperators.L2I, INTS, 0);
        return ((FloatVector) bits.convert(VectorOperators.I2F, 0)).mul(0x1.0p-24f);
    }

    /**
     * Whether this JVM runs the kernel fast: 512-bit long vectors (AVX-512), which the 64-bit multiplies of the
     * random bits need; elsewhere the Vector API falls back to code far slower than the scalar path.
     */
    static boolean fastOnThisMachine() {
        return LongVector.SPECIES_PREFERRED.vectorBitSize() >= LONGS.vectorBitSize();
    }
}
