package org.binaryconnect.processor;

import org.binaryconnect.dsl.Padding;
import org.binaryconnect.dsl.contract.StructureFingerprint;

/**
 * The network fingerprint of a spec ({@link StructureFingerprint}, defined once in the dsl module), computed at
 * compile time from the same values the runtime's {@code NetworkDescription.fingerprint()} feeds it from the
 * generated description, so that a generated inference class knows which trained networks it may load without
 * depending on the runtime. Settings that only steer training (W_LR_scale, the batch norm momentum) do not change
 * what the trained state means and are left out. {@code InferenceFingerprintTest} checks that both sides agree.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(NetworkModel model) {
        return fingerprint(model).hex();
    }

    /** What is hashed, for tests. */
    static byte[] structure(NetworkModel model) {
        return fingerprint(model).encoding();
    }

    private static StructureFingerprint fingerprint(NetworkModel model) {
        StructureFingerprint fingerprint = new StructureFingerprint(model.inputShape(), model.classes(),
                model.binarization().name(), model.layers().size());
        for (LayerModel layer : model.layers()) {
            fingerprint.layer(layer.name(), layer.inputs(), layer.units(), layer.conv().map(Fingerprint::conv)
                    .orElse(null), layer.conv().flatMap(ConvModel::pool).map(Fingerprint::pool).orElse(null),
                    layer.binary(), layer.h(), layer.batchNorm().isPresent(),
                    layer.batchNorm().map(BatchNormModel::epsilon).orElse(Double.NaN), layer.activation().name(),
                    layer.dropout());
        }
        return fingerprint;
    }

    /** The runtime's {@code ConvShape} fields: padding as the rows and columns it adds. */
    private static int[] conv(ConvModel conv) {
        return new int[] {conv.channels(), conv.height(), conv.width(), conv.filters(), conv.kernel(), conv.stride(),
            padding(conv.height(), conv.outHeight(), conv), padding(conv.width(), conv.outWidth(), conv),
            conv.outHeight(), conv.outWidth()};
    }

    private static int[] pool(ConvModel.PoolModel pool) {
        return new int[] {pool.size(), pool.stride(), pool.outHeight(), pool.outWidth()};
    }

    /** The zero rows (or columns) before the input, as the runtime's {@code ConvShape.of} computes them. */
    private static int padding(int size, int out, ConvModel conv) {
        return conv.padding() == Padding.SAME ? Math.max((out - 1) * conv.stride() + conv.kernel() - size, 0) / 2 : 0;
    }
}
