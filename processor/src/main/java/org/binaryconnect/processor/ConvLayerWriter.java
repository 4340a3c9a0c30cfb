package org.binaryconnect.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import org.binaryconnect.dsl.Padding;

/**
 * The parts of {@code <Spec>Network} that differ for a convolution layer: its geometry constants, its im2col
 * workspace and pool buffers, and the kernel calls of its convolution and pool, forward and backward.
 * {@link TrainingClassWriter} writes everything a conv layer shares with a dense one (parameters, batch norm,
 * activation, dropout, optimizer).
 *
 * <p>A conv layer's weights are {@code [filters, channels * kernel * kernel]}; its biases and batch norm arrays
 * have one entry per filter; its output and delta are {@code [batch, filters * height * width]} after the pool,
 * which is also how the dense layer after the last convolution sees them (flattened channel by channel).
 */
final class ConvLayerWriter {

    private static final String NN = "org.binaryconnect.runtime.nn";
    private static final ClassName CONV_SHAPE = ClassName.get(NN, "ConvShape");
    private static final ClassName POOL_SHAPE = ClassName.get(NN, "PoolShape");
    private static final ClassName CONV = ClassName.get(NN, "Conv2dKernels");
    private static final ClassName MAX_POOL = ClassName.get(NN, "MaxPoolKernels");
    static final ClassName CHANNEL_BATCH_NORM = ClassName.get(NN, "ChannelBatchNormKernels");
    private static final ClassName INDARRAY = ClassName.get("org.nd4j.linalg.api.ndarray", "INDArray");
    private static final ClassName ND4J = ClassName.get("org.nd4j.linalg.factory", "Nd4j");

    private ConvLayerWriter() {
    }

    private static ConvModel conv(LayerModel layer) {
        return layer.conv().orElseThrow();
    }

    /** The constant holding the convolution's geometry, e.g. {@code CONV1_CONV}. */
    static String shape(LayerModel layer) {
        return new LayerNames(layer.name()).constant("CONV");
    }

    static String poolShape(LayerModel layer) {
        return new LayerNames(layer.name()).constant("POOL");
    }

    /** Java source for the number of biases and batch norm statistics: one per filter. */
    static String channels(LayerModel layer) {
        return shape(layer) + ".filters()";
    }

    /** Java source for the weight matrix's rows and columns. */
    static String weightRows(LayerModel layer) {
        return shape(layer) + ".filters()";
    }

    static String weightColumns(LayerModel layer) {
        return shape(layer) + ".fanIn()";
    }

    /** Java source for the fan-in and fan-out that Glorot initialisation of full-precision weights uses. */
    static String fanIn(LayerModel layer) {
        return shape(layer) + ".fanIn()";
    }

    static String fanOut(LayerModel layer) {
        return shape(layer) + ".fanOut()";
    }

    private static String columns(LayerModel layer) {
        return new LayerNames(layer.name()).field("Columns");
    }

    /** The convolution's output before the pool (only with a pool). */
    private static String convolved(LayerModel layer) {
        return new LayerNames(layer.name()).field("Convolved");
    }

    private static String convolvedDelta(LayerModel layer) {
        return new LayerNames(layer.name()).field("ConvolvedDelta");
    }

    private static String argmax(LayerModel layer) {
        return new LayerNames(layer.name()).field("PoolArgmax");
    }

    static void addConstants(TypeSpec.Builder type, LayerModel layer) {
        ConvModel c = conv(layer);
        type.addField(FieldSpec.builder(CONV_SHAPE, shape(layer), Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L, $L, $L, $L, $L, $L, $T.$L)", CONV_SHAPE, c.channels(), c.height(), c.width(),
                        c.filters(), c.kernel(), c.stride(), Padding.class, c.padding())
                .build());
        c.pool().ifPresent(p -> type.addField(FieldSpec.builder(POOL_SHAPE, poolShape(layer), Modifier.STATIC,
                Modifier.FINAL)
                .initializer("$T.of($L, $L, $L, $L, $L)", POOL_SHAPE, c.filters(), c.outHeight(), c.outWidth(),
                        p.size(), p.stride())
                .build()));
    }

    static void addFields(TypeSpec.Builder type, LayerModel layer) {
        type.addField(FieldSpec.builder(INDARRAY, columns(layer), Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The im2col workspace: a block of samples' receptive fields and their product.\n").build());
        if (conv(layer).pool().isPresent()) {
            type.addField(INDARRAY, convolved(layer), Modifier.PRIVATE, Modifier.FINAL);
            type.addField(INDARRAY, convolvedDelta(layer), Modifier.PRIVATE, Modifier.FINAL);
            type.addField(TypeName.get(int[].class), argmax(layer), Modifier.PRIVATE, Modifier.FINAL);
        }
    }

    static void addBuffers(MethodSpec.Builder constructor, LayerModel layer) {
        String s = shape(layer);
        constructor.addStatement("$N = $T.workspace(dataType,$W$L,$WBATCH_SIZE)", columns(layer), CONV, s);
        if (conv(layer).pool().isPresent()) {
            constructor.addStatement("$N = $T.zeros(dataType,$WBATCH_SIZE,$W$L.outputSize())", convolved(layer), ND4J,
                    s);
            constructor.addStatement("$N = $T.zeros(dataType,$WBATCH_SIZE,$W$L.outputSize())", convolvedDelta(layer),
                    ND4J, s);
            constructor.addStatement("$N = new int[BATCH_SIZE * $L.outputSize()]", argmax(layer), poolShape(layer));
        }
    }

    /** Convolution (and pool) of {@code previous} into {@code target}, the buffer batch norm or the output reads. */
    static void forward(MethodSpec.Builder method, LayerModel layer, String previous, String target) {
        LayerNames n = new LayerNames(layer.name());
        boolean pooled = conv(layer).pool().isPresent();
        method.addStatement("$T.forward($L,$W$N,$W$N.propagated(),$W$N.propagated(),$W$N,$W$N)", CONV, shape(layer),
                previous, n.weights(), n.bias(), pooled ? convolved(layer) : target, columns(layer));
        if (pooled) {
            method.addStatement("$T.forward($L,$W$N,$W$N,$W$N)", MAX_POOL, poolShape(layer), convolved(layer), target,
                    argmax(layer));
        }
    }

    /**
     * From the delta after batch norm back through the pool and the convolution: the weight and bias gradients and,
     * unless {@code previousDelta} is null (the first layer), the previous layer's delta.
     */
    static void backward(MethodSpec.Builder method, LayerModel layer, String previousOutput, String previousDelta) {
        LayerNames n = new LayerNames(layer.name());
        String delta = n.delta();
        if (conv(layer).pool().isPresent()) {
            method.addStatement("$T.backward($L,$W$N,$W$N,$W$N)", MAX_POOL, poolShape(layer), n.delta(), argmax(layer),
                    convolvedDelta(layer));
            delta = convolvedDelta(layer);
        }
        method.addStatement("$T.biasGradient($L,$W$N,$W$N.gradient())", CONV, shape(layer), delta, n.bias());
        method.addStatement("$T.backwardWeights($L,$W$N,$W$N,$W$N.gradient(),$W$N)", CONV, shape(layer), previousOutput,
                delta, n.weights(), columns(layer));
        if (previousDelta != null) {
            method.addStatement("$T.backwardInput($L,$W$N,$W$N.propagated(),$W$N,$W$N)", CONV, shape(layer), delta,
                    n.weights(), previousDelta, columns(layer));
        }
    }
}
