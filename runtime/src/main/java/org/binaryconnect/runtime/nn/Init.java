package org.binaryconnect.runtime.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Parameter initialisation from the network's seeded generator. */
public final class Init {

    private Init() {
    }

    /** Uniform in [-limit, limit): binary weights start Uniform(-H, H) as in the authors' code. */
    public static void uniform(INDArray array, double limit, Rng rng) {
        Buf a = Buf.of(array);
        for (int i = 0, n = a.length(); i < n; i++) {
            a.set(i, (2 * rng.nextDouble() - 1) * limit);
        }
    }

    /** Glorot (Xavier) uniform, Lasagne's default for full-precision layers. */
    public static void glorotUniform(INDArray array, int fanIn, int fanOut, Rng rng) {
        uniform(array, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
    }

    /** {@code sqrt(1.5 / (fanIn + fanOut))}: the authors' "Glorot" H. */
    public static double glorotH(int fanIn, int fanOut) {
        return Math.sqrt(1.5 / (fanIn + fanOut));
    }
}
