package org.binaryconnect.runtime.network;

import java.util.Optional;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

/**
 * One layer of a generated network as declared: what exports and reports need to know without the spec.
 * Its state arrays are named {@code <name>.W}, {@code .b} and, with batch norm, {@code .gamma}, {@code .beta},
 * {@code .runningMean} and {@code .runningStd}. A dense layer's {@code W} is {@code [inputs, units]}; a conv
 * layer's is {@code [filters, channels * kernel * kernel]} ({@link ConvShape}) with one bias and batch norm entry
 * per filter, and its {@code inputs} and {@code units} are its flattened input and output sizes per sample.
 *
 * @param binary whether the weights are binarized to {@code +-h}
 * @param h the binary magnitude H (1 for full-precision layers)
 * @param batchNormEpsilon added to the running std at inference; NaN without batch norm
 * @param dropout the training-time dropout rate, 0 for none
 * @param summary one readable line, e.g. {@code hidden1: dense 784 -> 1024, binary H=1.0 ...}
 * @param convolution the convolution's geometry; empty for a dense layer
 * @param pool the max-pool after the convolution, before batch norm and the activation; empty for none
 */
public record LayerDescription(String name, int inputs, int units, boolean binary, double h, boolean batchNorm,
        double batchNormEpsilon, Nonlinearity activation, double dropout, String summary,
        Optional<ConvShape> convolution, Optional<PoolShape> pool) {

    public LayerDescription {
        if (pool.isPresent() && convolution.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + ": a max-pool needs a convolution before it");
        }
    }

    /** A dense layer. */
    public LayerDescription(String name, int inputs, int units, boolean binary, double h, boolean batchNorm,
            double batchNormEpsilon, Nonlinearity activation, double dropout, String summary) {
        this(name, inputs, units, binary, h, batchNorm, batchNormEpsilon, activation, dropout, summary,
                Optional.empty(), Optional.empty());
    }

    public boolean isConv() {
        return convolution.isPresent();
    }
}
