package org.binaryconnect.processor;

import java.util.Optional;
import org.binaryconnect.dsl.Nonlinearity;

/**
 * One layer of a network with its shapes: {@code inputs -> units}, then optionally batch norm, the activation and
 * dropout. A dense layer, or a convolution ({@link #conv()} present), whose {@code inputs} and {@code units} are
 * then its flattened input and output sizes per sample.
 *
 * @param name the spec field's name, which prefixes every generated member of the layer
 * @param binary whether the weights are binarized (the layer asks for it and the network binarizes)
 * @param h the binary magnitude H (used when binary)
 * @param hExpression Java source for H: a literal, or the Glorot formula with this layer's fan-in and fan-out
 * @param learningRateScale W_LR_scale (used when binary)
 * @param learningRateScaleExpression Java source for W_LR_scale, like {@code hExpression}
 * @param dropout the dropout rate, 0 for none
 * @param conv the convolution and pool of a conv layer; empty for a dense layer
 */
record LayerModel(String name, int inputs, int units, boolean binary, double h, String hExpression,
        double learningRateScale, String learningRateScaleExpression, Optional<BatchNormModel> batchNorm,
        Nonlinearity activation, double dropout, Optional<ConvModel> conv) {

    /** A dense layer. */
    LayerModel(String name, int inputs, int units, boolean binary, double h, String hExpression,
            double learningRateScale, String learningRateScaleExpression, Optional<BatchNormModel> batchNorm,
            Nonlinearity activation, double dropout) {
        this(name, inputs, units, binary, h, hExpression, learningRateScale, learningRateScaleExpression, batchNorm,
                activation, dropout, Optional.empty());
    }

    boolean isConv() {
        return conv.isPresent();
    }

    boolean hasDropout() {
        return dropout > 0;
    }

    /**
     * One line for reports and comments, e.g. {@code hidden1: dense 784 -> 1024 binary H=1.0 ...}. Display text
     * only: the fingerprint hashes the structure ({@link Fingerprint}), so rewording this orphans no trained model.
     */
    String summary() {
        StringBuilder s = new StringBuilder(name).append(": ");
        conv.ifPresentOrElse(c -> s.append(c.summary()), () -> s.append("dense ").append(inputs).append(" -> ")
                .append(units));
        s.append(binary ? ", binary H=" + h + " W_LR_scale=" + learningRateScale : ", full precision");
        batchNorm.ifPresent(bn -> s.append(", batch norm alpha=").append(bn.alpha()).append(" epsilon=")
                .append(bn.epsilon()));
        s.append(", ").append(activation.name().toLowerCase(java.util.Locale.ROOT));
        if (hasDropout()) {
            s.append(", dropout ").append(dropout);
        }
        return s.toString();
    }
}
