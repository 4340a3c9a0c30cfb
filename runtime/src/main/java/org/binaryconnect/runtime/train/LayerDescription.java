package org.binaryconnect.runtime.train;

import org.binaryconnect.dsl.Nonlinearity;

/**
 * One dense layer of a generated network as declared: what exports and reports need to know without the spec.
 * Its state arrays are named {@code <name>.W}, {@code .b} and, with batch norm, {@code .gamma}, {@code .beta},
 * {@code .runningMean} and {@code .runningStd}.
 *
 * @param binary whether the weights are binarized to {@code +-h}
 * @param h the binary magnitude H (1 for full-precision layers)
 * @param batchNormEpsilon added to the running std at inference; NaN without batch norm
 * @param dropout the training-time dropout rate, 0 for none
 * @param summary one readable line, e.g. {@code hidden1: dense 784 -> 1024, binary H=1.0 ...}
 */
public record LayerDescription(String name, int inputs, int units, boolean binary, double h, boolean batchNorm,
        double batchNormEpsilon, Nonlinearity activation, double dropout, String summary) {
}
