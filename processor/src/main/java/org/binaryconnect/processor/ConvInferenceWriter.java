package org.binaryconnect.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;

/**
 * The parts of {@code <Spec>Inference} that differ for a conv layer: its geometry constant, its weights field, how
 * the constructor reads it from the packed model and how {@code scores} calls its kernel
 * ({@link ConvInferenceKernels}). {@link InferenceClassWriter} writes what a conv layer shares with a dense one
 * (the scale and shift fields, the activation).
 */
final class ConvInferenceWriter {

    static final int KIND_BINARY_CONV = 3;
    static final int KIND_FULL_PRECISION_CONV = 4;

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

    /** The layer kind constants, added once when the network has conv layers. */
    static void addKindConstants(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(TypeName.INT, "KIND_BINARY_CONV", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL).initializer("$L", KIND_BINARY_CONV).build());
        type.addField(FieldSpec.builder(TypeName.INT, "KIND_FULL_PRECISION_CONV", Modifier.PRIVATE,
                Modifier.STATIC, Modifier.FINAL).initializer("$L", KIND_FULL_PRECISION_CONV).build());
    }

    /** The layer's geometry, the fan-in and, for a binary layer, the words of a filter's sign bits. */
    static void addConstants(TypeSpec.Builder type, LayerModel layer) {
        ConvModel c = conv(layer);
        LayerNames n = new LayerNames(layer.name());
        String values = IntStream.of(geometryValues(c)).mapToObj(String::valueOf).collect(Collectors.joining(", "));
        type.addField(FieldSpec.builder(int[].class, geometry(layer), Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
                .addJavadoc("channels, height, width, filters, kernel, stride, padding top and left, output height"
                        + " and width,\npool size (0 for none) and stride, pooled height and width: $L\n",
                        c.summary())
                .initializer("{$L}", values).build());
        type.addField(FieldSpec.builder(TypeName.INT, n.constant("FAN_IN"), Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", c.fanIn()).build());
        type.addField(FieldSpec.builder(TypeName.INT, n.constant("FILTERS"), Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", c.filters()).build());
        if (layer.binary()) {
            type.addField(FieldSpec.builder(TypeName.INT, n.constant("WORDS"), Modifier.STATIC, Modifier.FINAL)
                    .initializer("$L", (c.fanIn() + 63) / 64).build());
        }
    }

    static FieldSpec weightsField(LayerModel layer) {
        LayerNames n = new LayerNames(layer.name());
        if (layer.binary()) {
            return FieldSpec.builder(int[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                    .addJavadoc("Sign bits as lookup-table offsets ({@link #nibbleOffsets}): (fan-in + 3) / 4 per"
                            + " filter.\n")
                    .build();
        }
        return FieldSpec.builder(float[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("Filter-major: the $L weights of filter f, channel by channel, start at f * $L.\n",
                        n.constant("FAN_IN"), n.constant("FAN_IN"))
                .build();
    }

    /** The constructor's statements for the layer: its header, weights, scale and shift, in file order. */
    static void read(MethodSpec.Builder constructor, LayerModel layer, String scale, String shift) {
        LayerNames n = new LayerNames(layer.name());
        String filters = n.constant("FILTERS");
        constructor.addStatement("in.conv($S, $L, $L, $L)", layer.name(),
                layer.binary() ? "KIND_BINARY_CONV" : "KIND_FULL_PRECISION_CONV", geometry(layer),
                layer.activation() == Nonlinearity.RELU ? "ACTIVATION_RELU" : "ACTIVATION_IDENTITY");
        if (layer.binary()) {
            constructor.addStatement("$N = nibbleOffsets(in.bits($L, $L, $L, $S), $L, $L, $L)", n.weights(), filters,
                    n.constant("FAN_IN"), n.constant("WORDS"), "layer " + layer.name() + " weights", filters,
                    n.constant("FAN_IN"), n.constant("WORDS"));
        } else {
            constructor.addStatement("$N = in.floats($L * $L, $S)", n.weights(), filters, n.constant("FAN_IN"),
                    "layer " + layer.name() + " weights");
        }
        constructor.addStatement("$N = in.f24s($L, $S)", scale, filters, "layer " + layer.name() + " scale");
        constructor.addStatement("$N = in.f24s($L, $S)", shift, filters, "layer " + layer.name() + " shift");
    }

    /** The kernel call computing the layer from {@code previous}, before its activation. */
    static CodeBlock call(LayerModel layer, String previous, String scale, String shift) {
        LayerNames n = new LayerNames(layer.name());
        return CodeBlock.of("$L($N, $L, $N, $N, $N)", layer.binary() ? "binaryConv" : "fullPrecisionConv", previous,
                geometry(layer), n.weights(), scale, shift);
    }

    /** Adds the kind constants and the kernels the network's conv layers need; nothing for a dense network. */
    static void addKernels(TypeSpec.Builder type, List<LayerModel> layers) {
        boolean binary = layers.stream().anyMatch(l -> l.isConv() && l.binary());
        boolean fullPrecision = layers.stream().anyMatch(l -> l.isConv() && !l.binary());
        if (binary || fullPrecision) {
            ConvInferenceKernels.addTo(type, binary, fullPrecision);
        }
    }
}
