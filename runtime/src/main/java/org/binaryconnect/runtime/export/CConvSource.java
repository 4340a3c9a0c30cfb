package org.binaryconnect.runtime.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;

/**
 * What the C file {@link CSource} writes for conv layers: each layer's geometry array, its call of
 * {@code bc_binary_conv} or {@code bc_full_conv} (in {@code binaryconnect_kernels.h}) and the sizes of the scratch
 * buffers those kernels share.
 */
final class CConvSource {

    /** The geometry fields, named as the kernels' enum names them, in the order of {@link #geometry}. */
    private static final List<String> GEOMETRY_NAMES = List.of("G_CHANNELS", "G_HEIGHT", "G_WIDTH", "G_FILTERS",
            "G_KERNEL", "G_STRIDE", "G_PAD_TOP", "G_PAD_LEFT", "G_OUT_HEIGHT", "G_OUT_WIDTH", "G_POOL",
            "G_POOL_STRIDE", "G_POOLED_HEIGHT", "G_POOLED_WIDTH");

    private CConvSource() {
    }

    /** The 14 geometry values of a conv layer, in the packed file's order; {@code G_POOL} is 0 without a pool. */
    static int[] geometry(PackedLayer layer) {
        ConvShape c = layer.convolution().orElseThrow();
        PoolShape p = layer.pool().orElse(null);
        return new int[] {c.channels(), c.height(), c.width(), c.filters(), c.kernel(), c.stride(), c.padTop(),
                c.padLeft(), c.outHeight(), c.outWidth(), p == null ? 0 : p.size(), p == null ? 0 : p.stride(),
                p == null ? 0 : p.outHeight(), p == null ? 0 : p.outWidth()};
    }

    /** Groups of 4 inputs in a receptive field: the padded field is {@code 4 * groups} floats. */
    static int groups(PackedLayer layer) {
        return (layer.inputs() + 3) / 4;
    }

    /** A layer's description for the comment above its arrays. */
    static String describe(PackedLayer layer) {
        ConvShape c = layer.convolution().orElseThrow();
        String text = (layer.binary() ? "binary H=" + layer.h() : "full-precision") + " conv " + c.channels() + "x"
                + c.height() + "x" + c.width() + " -> " + c.filters() + "x" + c.outHeight() + "x" + c.outWidth()
                + " (" + c.kernel() + "x" + c.kernel() + " stride " + c.stride() + ", padding " + c.padTop() + " top "
                + c.padLeft() + " left)";
        if (layer.pool().isPresent()) {
            PoolShape p = layer.pool().get();
            text += ", max-pool " + p.size() + " stride " + p.stride() + " -> " + p.channels() + "x" + p.outHeight()
                    + "x" + p.outWidth();
        }
        return text + ", " + layer.activation().name().toLowerCase(Locale.ROOT);
    }

    /** The geometry array of layer {@code prefix}, each value with its name: {@code [G_CHANNELS] = 1, ...}. */
    static void geometryArray(CText text, String prefix, PackedLayer layer) {
        int[] values = geometry(layer);
        List<String> fields = new ArrayList<>(values.length);
        for (int k = 0; k < values.length; k++) {
            fields.add("[" + GEOMETRY_NAMES.get(k) + "] = " + values[k]);
        }
        text.values("static const int " + prefix + "_GEOMETRY[G_FIELDS] = {", fields, "};");
    }

    /** Floats of the receptive-field scratch buffer: the widest padded field. */
    static int patchSize(List<PackedLayer> layers) {
        return layers.stream().filter(PackedLayer::isConv).mapToInt(l -> 4 * groups(l)).max().orElse(0);
    }

    /** Floats of the lookup-table scratch buffer: 16 per group of 4 inputs of the widest binary field. */
    static int tableSize(List<PackedLayer> layers) {
        return layers.stream().filter(l -> l.isConv() && l.binary()).mapToInt(l -> 16 * groups(l)).max().orElse(0);
    }

    /** Floats of the raw sums before the pool: filters times output positions of the largest conv layer. */
    static int sumsSize(List<PackedLayer> layers) {
        return layers.stream().filter(PackedLayer::isConv)
                .mapToInt(l -> l.convolution().orElseThrow().outputSize()).max().orElse(0);
    }

    /** The call of layer {@code prefix} from {@code in} into {@code out}. */
    static String call(String prefix, PackedLayer layer, String in, String out) {
        return layer.binary()
                ? "bc_binary_conv(" + in + ", " + prefix + "_GEOMETRY, " + prefix + "_BITS, " + prefix + "_SCALE, "
                        + prefix + "_SHIFT, " + layer.activationCode() + ", patch, table, sums, " + out + ");"
                : "bc_full_conv(" + in + ", " + prefix + "_GEOMETRY, " + prefix + "_WEIGHTS, " + prefix + "_SCALE, "
                        + prefix + "_SHIFT, " + layer.activationCode() + ", patch, sums, " + out + ");";
    }
}
