package org.binaryconnect.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import org.binaryconnect.dsl.Padding;

/**
 * The parts of {@code <Spec>Inference} that differ for a conv layer: its geometry, as named constants and the
 * library's {@code ConvGeometry} built from them; its weights field; how the constructor reads it from the packed
 * model and how {@code scores} calls its kernel. {@link InferenceClassWriter} writes what a conv layer shares with a
 * dense one (the scale and shift fields, the activation).
 */
final class ConvInferenceWriter {

    static final ClassName GEOMETRY = ClassName.get(InferenceClassWriter.LIBRARY, "ConvGeometry");
    static final ClassName KERNELS = ClassName.get(InferenceClassWriter.LIBRARY, "ConvKernels");

    /** The geometry's constant suffixes, in the packed format's (and ConvGeometry's constructor's) order. */
    static final List<String> FIELDS = List.of("CHANNELS", "HEIGHT", "WIDTH", "FILTERS", "KERNEL", "STRIDE",
            "PAD_TOP", "PAD_LEFT", "OUT_HEIGHT", "OUT_WIDTH", "POOL", "POOL_STRIDE", "POOLED_HEIGHT", "POOLED_WIDTH");

    private ConvInferenceWriter() {
    }

    private static ConvModel conv(LayerModel layer) {
        return layer.conv().orElseThrow();
    }

    private static String geometry(LayerModel layer) {
        return new LayerNames(layer.name()).constant("GEOMETRY");
    }

    /**
     * The 14 geometry fields of the packed format, in file order. The padding on the top and left is the runtime's
     * {@code ConvShape}'s: for SAME, half (rounded down) of the padding that makes {@code out = ceil(size / stride)}.
     */
    static int[] geometryValues(ConvModel c) {
        int padTop = c.padding() == Padding.SAME ? totalPadding(c.height(), c.outHeight(), c.kernel(), c.stride()) / 2
                : 0;
        int padLeft = c.padding() == Padding.SAME ? totalPadding(c.width(), c.outWidth(), c.kernel(), c.stride()) / 2
                : 0;
        return new int[] {c.channels(), c.height(), c.width(), c.filters(), c.kernel(), c.stride(), padTop, padLeft,
                c.outHeight(), c.outWidth(), c.pool().map(ConvModel.PoolModel::size).orElse(0),
                c.pool().map(ConvModel.PoolModel::stride).orElse(0),
                c.pool().map(ConvModel.PoolModel::outHeight).orElse(0),
                c.pool().map(ConvModel.PoolModel::outWidth).orElse(0)};
    }

    private static int totalPadding(int size, int out, int kernel, int stride) {
        return Math.max((out - 1) * stride + kernel - size, 0);
    }

    /**
     * The layer's geometry as named constants and the {@code ConvGeometry} built from them, the fan-in and, for a
     * binary layer, the words of a filter's sign bits.
     */
    static void addConstants(TypeSpec.Builder type, LayerModel layer) {
        ConvModel c = conv(layer);
        LayerNames n = new LayerNames(layer.name());
        int[] values = geometryValues(c);
        for (int i = 0; i < FIELDS.size(); i++) {
            type.addField(InferenceClassWriter.constant(n.constant(FIELDS.get(i)), false, values[i]));
        }
        type.addField(InferenceClassWriter.constant(n.constant("FAN_IN"), false, c.fanIn()));
        if (layer.binary()) {
            type.addField(InferenceClassWriter.constant(n.constant("WORDS"), false, (c.fanIn() + 63) / 64));
        }
        String arguments = FIELDS.stream().map(n::constant).collect(Collectors.joining(",$W"));
        type.addField(FieldSpec.builder(GEOMETRY, geometry(layer), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", SourceLines.javadoc(c.summary(), SourceLines.JAVADOC_WIDTH))
                .initializer("new $T(" + arguments + ")", GEOMETRY)
                .build());
    }

    static FieldSpec weightsField(LayerModel layer) {
        LayerNames n = new LayerNames(layer.name());
        if (layer.binary()) {
            return FieldSpec.builder(int[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("Sign bits as lookup-table offsets ({@link $T#nibbleOffsets}): (fan-in + 3) / 4 per"
                            + " filter.\n", KERNELS)
                    .build();
        }
        return FieldSpec.builder(float[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("Filter-major: the $L weights of filter f, channel by channel, start at f * $L.\n",
                        n.constant("FAN_IN"), n.constant("FAN_IN"))
                .build();
    }

    /** The constructor's statements for the layer: its header, weights, scale and shift, in file order. */
    static void read(InferenceClassWriter writer, MethodSpec.Builder constructor, LayerModel layer) {
        LayerNames n = new LayerNames(layer.name());
        String filters = n.constant("FILTERS");
        String fanIn = n.constant("FAN_IN");
        String weights = "layer " + layer.name() + " weights";
        constructor.addStatement("in.conv($S,$W$L,$W$L,$W$L)", layer.name(),
                writer.format(layer.binary() ? "KIND_BINARY_CONV" : "KIND_FULL_PRECISION_CONV"), geometry(layer),
                writer.activation(layer));
        if (layer.binary()) {
            String words = n.constant("WORDS");
            constructor.addStatement("long[] $N = in.bits($L,$W$L,$W$L,$W$S)", n.field("Signs"), filters, fanIn,
                    words, weights);
            constructor.addStatement("$N = $T.nibbleOffsets($N,$W$L,$W$L,$W$L)", n.weights(), KERNELS,
                    n.field("Signs"), filters, fanIn, words);
        } else {
            constructor.addStatement("$N = in.floats($L * $L,$W$S)", n.weights(), filters, fanIn, weights);
        }
        InferenceClassWriter.readScaleAndShift(constructor, layer, filters);
    }

    /** The kernel call computing the layer from {@code previous}, before its activation. */
    static CodeBlock call(LayerModel layer, String previous) {
        LayerNames n = new LayerNames(layer.name());
        return CodeBlock.of("$T.$L($N,$W$L,$W$N,$W$N,$W$N)", KERNELS,
                layer.binary() ? "binaryConv" : "fullPrecisionConv", previous, geometry(layer), n.weights(),
                InferenceClassWriter.scale(n), InferenceClassWriter.shift(n));
    }
}
