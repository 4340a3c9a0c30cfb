package org.binaryconnect.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.contract.GeneratedCode;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;

/**
 * Writes {@code <Spec>Network}: the training code of one network, specialised to its shapes. Every buffer is
 * allocated once in the constructor for the batch size, and each method is the straight-line sequence of
 * kernel calls and GEMMs for exactly these layers.
 */
final class TrainingClassWriter {

    private static final String RUNTIME = "org.binaryconnect.runtime";
    private static final ClassName TRAINABLE_NETWORK = ClassName.get(RUNTIME + ".network", "TrainableNetwork");
    private static final ClassName NETWORK_DESCRIPTION = ClassName.get(RUNTIME + ".network", "NetworkDescription");
    private static final ClassName TRAINING_DEFAULTS = ClassName.get(RUNTIME + ".network", "TrainingDefaults");
    private static final ClassName LAYER_DESCRIPTION = ClassName.get(RUNTIME + ".network", "LayerDescription");
    private static final ClassName NAMED_ARRAY = ClassName.get(RUNTIME + ".network", "NamedArray");
    private static final ClassName PARAMETER = ClassName.get(RUNTIME + ".optim", "Parameter");
    private static final ClassName OPTIMIZER = ClassName.get(RUNTIME + ".optim", "Optimizer");
    private static final ClassName ADAM_OPTIMIZER = ClassName.get(RUNTIME + ".optim", "AdamOptimizer");
    private static final ClassName SGD_OPTIMIZER = ClassName.get(RUNTIME + ".optim", "SgdOptimizer");
    private static final ClassName RNG = ClassName.get(RUNTIME + ".nn", "Rng");
    private static final ClassName INIT = ClassName.get(RUNTIME + ".nn", "Init");
    private static final ClassName BINARIZE = ClassName.get(RUNTIME + ".nn", "Binarize");
    private static final ClassName DENSE = ClassName.get(RUNTIME + ".nn", "DenseKernels");
    private static final ClassName BATCH_NORM = ClassName.get(RUNTIME + ".nn", "BatchNormKernels");
    private static final ClassName ACTIVATION = ClassName.get(RUNTIME + ".nn", "ActivationKernels");
    private static final ClassName DROPOUT = ClassName.get(RUNTIME + ".nn", "DropoutKernels");
    private static final ClassName LOSS = ClassName.get(RUNTIME + ".nn", "LossKernels");
    private static final ClassName GEMM = ClassName.get(RUNTIME + ".nn", "Gemm");
    private static final ClassName INDARRAY = ClassName.get("org.nd4j.linalg.api.ndarray", "INDArray");
    private static final ClassName DATA_TYPE = ClassName.get("org.nd4j.linalg.api.buffer", "DataType");
    private static final ClassName ND4J = ClassName.get("org.nd4j.linalg.factory", "Nd4j");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final NetworkModel model;
    private final List<LayerModel> layers;

    TrainingClassWriter(NetworkModel model) {
        this.model = model;
        this.layers = model.layers();
    }

    JavaFile write(TypeElement spec) {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.trainingClassName())
                .addJavadoc(classJavadoc())
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", NetworkProcessor.class.getName()).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(TRAINABLE_NETWORK)
                .addOriginatingElement(spec);
        addConstants(type);
        addFields(type);
        addConstructors(type);
        addAccessors(type);
        addTrainingProgress(type);
        addPrepareTrainingStep(type);
        addForwardLoss(type);
        addForwardTraining(type);
        addBackward(type);
        addUpdate(type);
        addPrepareEvaluation(type);
        addPredict(type);
        return JavaFile.builder(model.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("BinaryConnect training code for {@link $L}, generated from its annotations.\n",
                        model.specName())
                .add("\n<p>$L\n<ul>\n", SourceLines.javadoc("Binarization " + model.binarization() + ", loss "
                        + model.loss() + ", optimizer " + model.optimizer().summary() + ", batch size "
                        + model.training().batchSize() + ". Layers:", SourceLines.JAVADOC_WIDTH));
        for (LayerModel layer : layers) {
            doc.add("$L\n", SourceLines.javadoc("<li>" + layer.summary() + "</li>", SourceLines.JAVADOC_WIDTH));
        }
        return doc.add("</ul>\n").build();
    }

    private void addConstants(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(TypeName.INT, GeneratedCode.VERSION_FIELD, Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
                .addJavadoc("The version of the generated code, which the runtime checks before training.\n")
                .initializer("$L", GeneratedCode.VERSION).build());
        type.addField(constant(TypeName.INT, "BATCH_SIZE", true, "$L", model.training().batchSize()));
        type.addField(constant(TypeName.INT, "INPUT_SIZE", true, "$L", model.inputSize()));
        type.addField(constant(TypeName.INT, "CLASSES", true, "$L", model.classes()));
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            type.addField(constant(TypeName.INT, n.constant("UNITS"), false, "$L", layer.units()));
            if (layer.isConv()) {
                ConvLayerWriter.addConstants(type, layer);
            }
            if (layer.binary()) {
                type.addField(constant(TypeName.DOUBLE, n.constant("H"), false, "$L", layer.hExpression()));
                type.addField(constant(TypeName.DOUBLE, n.constant("W_LR_SCALE"), false, "$L",
                        layer.learningRateScaleExpression()));
            }
            layer.batchNorm().ifPresent(bn -> {
                type.addField(constant(TypeName.DOUBLE, n.constant("BN_ALPHA"), false, "$L", bn.alpha()));
                type.addField(constant(TypeName.DOUBLE, n.constant("BN_EPSILON"), false, "$L", bn.epsilon()));
            });
            if (layer.hasDropout()) {
                type.addField(constant(TypeName.DOUBLE, n.constant("DROPOUT"), false, "$L", layer.dropout()));
            }
        }
        type.addField(FieldSpec.builder(NETWORK_DESCRIPTION, "DESCRIPTION", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).initializer(description()).build());
    }

    private static FieldSpec constant(TypeName type, String name, boolean isPublic, String format, Object value) {
        FieldSpec.Builder field = FieldSpec.builder(type, name, Modifier.STATIC, Modifier.FINAL)
                .initializer(format, value);
        if (isPublic) {
            field.addModifiers(Modifier.PUBLIC);
        }
        return field.build();
    }

    private CodeBlock description() {
        TrainingModel t = model.training();
        String shape = model.inputShape().stream().map(String::valueOf).collect(Collectors.joining(", "));
        CodeBlock.Builder layerLines = CodeBlock.builder();
        for (int i = 0; i < layers.size(); i++) {
            LayerModel layer = layers.get(i);
            LayerNames n = new LayerNames(layer.name());
            layerLines.add(i == 0 ? "\n" : ",\n")
                    .add("new $T($S,$W$L,$W$L,$W$L,$W$L,$W$L,$W$L,$W$T.$L,$W$L,\n$>$L", LAYER_DESCRIPTION,
                            layer.name(), layer.inputs(), layer.units(), layer.binary(),
                            layer.binary() ? n.constant("H") : "1.0", layer.batchNorm().isPresent(),
                            layer.batchNorm().isPresent() ? n.constant("BN_EPSILON") : "Double.NaN",
                            Nonlinearity.class, layer.activation(), layer.dropout(),
                            SourceLines.literal(layer.summary()));
            if (layer.isConv()) {
                // the geometry the export reads: the same constants the training kernels run on
                layerLines.add(",\n$T.of($L), $L", Optional.class, ConvLayerWriter.shape(layer),
                        layer.conv().orElseThrow().pool().isPresent()
                                ? CodeBlock.of("$T.of($L)", Optional.class, ConvLayerWriter.poolShape(layer))
                                : CodeBlock.of("$T.empty()", Optional.class));
            }
            layerLines.add(")$<");
        }
        return CodeBlock.builder()
                .add("new $T(\n$>$>$S,$W$S,$W$T.of($L),$WCLASSES,$WBATCH_SIZE,\n", NETWORK_DESCRIPTION,
                        model.specName(), model.specQualifiedName(), List.class, shape)
                .add("$T.$L,$W$T.$L,$W$T.$L,$W$L,$W$L,\n", Binarization.class, model.binarization(), Loss.class,
                        model.loss(), EvaluationWeights.class, model.evaluation(), model.evaluationSamples(),
                        SourceLines.literal(model.optimizer().summary()))
                .add("new $T($L, $L, $L, $L, $LL),\n", TRAINING_DEFAULTS, t.epochs(), t.learningRateStart(),
                        t.learningRateEnd(), t.validationSamples(), t.seed())
                .add("$T.of($>$L))$<$<$<", List.class, layerLines.build())
                .build();
    }

    private void addFields(TypeSpec.Builder type) {
        type.addField(RNG, "rng", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(OPTIMIZER, "optimizer", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(INDARRAY, "input", Modifier.PRIVATE, Modifier.FINAL);
        type.addField(FieldSpec.builder(int[].class, "labels", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new int[BATCH_SIZE]").build());
        type.addField(ParameterizedTypeName.get(ClassName.get(List.class), PARAMETER), "parameters",
                Modifier.PRIVATE, Modifier.FINAL);
        type.addField(ParameterizedTypeName.get(ClassName.get(List.class), NAMED_ARRAY), "state",
                Modifier.PRIVATE, Modifier.FINAL);
        type.addField(ParameterizedTypeName.get(ClassName.get(List.class), NAMED_ARRAY), "activations",
                Modifier.PRIVATE, Modifier.FINAL);
        if (model.hasBinaryLayers()) {
            type.addField(FieldSpec.builder(TypeName.BOOLEAN, "binaryWeightsFresh", Modifier.PRIVATE)
                    .addJavadoc("Whether the last update already binarized the weights for the next step.\n")
                    .build());
        }
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            for (String parameter : parameterFields(layer)) {
                type.addField(PARAMETER, parameter, Modifier.PRIVATE, Modifier.FINAL);
            }
            for (String buffer : bufferFields(layer)) {
                type.addField(INDARRAY, buffer, Modifier.PRIVATE, Modifier.FINAL);
            }
            if (layer.isConv()) {
                ConvLayerWriter.addFields(type, layer);
            }
        }
    }

    private static List<String> parameterFields(LayerModel layer) {
        LayerNames n = new LayerNames(layer.name());
        return layer.batchNorm().isPresent()
                ? List.of(n.weights(), n.bias(), n.gamma(), n.beta())
                : List.of(n.weights(), n.bias());
    }

    private static List<String> bufferFields(LayerModel layer) {
        LayerNames n = new LayerNames(layer.name());
        List<String> buffers = new java.util.ArrayList<>();
        if (layer.batchNorm().isPresent()) {
            buffers.addAll(List.of(n.runningMean(), n.runningStd(), n.batchMean(), n.batchStd(), n.z(),
                    n.normalized()));
        }
        buffers.add(n.output());
        if (layer.hasDropout()) {
            buffers.add(n.mask());
        }
        buffers.add(n.delta());
        return buffers;
    }

    private void addConstructors(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A single-precision network initialised from the declared seed.\n")
                .addModifiers(Modifier.PUBLIC)
                .addStatement("this($T.FLOAT,$WDESCRIPTION.training().seed())", DATA_TYPE)
                .build());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addJavadoc("@param dataType {@code FLOAT} to train, {@code DOUBLE} for gradient checks\n")
                .addJavadoc("@param seed seeds initialisation, dropout and stochastic binarization\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(DATA_TYPE, "dataType")
                .addParameter(TypeName.LONG, "seed")
                .addStatement("rng = new $T(seed)", RNG)
                .addStatement("optimizer = $L", optimizer())
                .addStatement("input = $T.zeros(dataType,$WBATCH_SIZE,$WINPUT_SIZE)", ND4J);
        String inputs = "INPUT_SIZE";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            String units = n.constant("UNITS");
            // a dense layer's weights are [inputs, units]; a convolution's [filters, fanIn], with one bias and
            // batch norm entry per filter
            boolean conv = layer.isConv();
            String rows = conv ? ConvLayerWriter.weightRows(layer) : inputs;
            String columns = conv ? ConvLayerWriter.weightColumns(layer) : units;
            String channels = conv ? ConvLayerWriter.channels(layer) : units;
            constructor.addCode("\n");
            SourceLines.addComment(constructor, layer.summary());
            if (layer.binary()) {
                constructor.addStatement("$N = $T.binary($S,$W$T.zeros(dataType,$W$L,$W$L),$W$L,$W$L,$W$T.$L,$Wrng)",
                        n.weights(), PARAMETER, layer.name() + ".W", ND4J, rows, columns, n.constant("H"),
                        n.constant("W_LR_SCALE"), Binarization.class, model.binarization());
                constructor.addStatement("$T.uniform($N.value(),$W$L,$Wrng)", INIT, n.weights(), n.constant("H"));
            } else {
                constructor.addStatement("$N = $T.plain($S,$W$T.zeros(dataType,$W$L,$W$L))", n.weights(), PARAMETER,
                        layer.name() + ".W", ND4J, rows, columns);
                constructor.addStatement("$T.glorotUniform($N.value(),$W$L,$W$L,$Wrng)", INIT, n.weights(),
                        conv ? ConvLayerWriter.fanIn(layer) : inputs, conv ? ConvLayerWriter.fanOut(layer) : units);
            }
            constructor.addStatement("$N = $T.plain($S,$W$T.zeros(dataType,$W$L))", n.bias(), PARAMETER,
                    layer.name() + ".b", ND4J, channels);
            if (layer.batchNorm().isPresent()) {
                constructor.addStatement("$N = $T.plain($S,$W$T.ones(dataType,$W$L))", n.gamma(), PARAMETER,
                        layer.name() + ".gamma", ND4J, channels);
                constructor.addStatement("$N = $T.plain($S,$W$T.zeros(dataType,$W$L))", n.beta(), PARAMETER,
                        layer.name() + ".beta", ND4J, channels);
                constructor.addStatement("$N = $T.zeros(dataType,$W$L)", n.runningMean(), ND4J, channels);
                constructor.addStatement("$N = $T.ones(dataType,$W$L)", n.runningStd(), ND4J, channels);
                constructor.addStatement("$N = $T.zeros(dataType,$W$L)", n.batchMean(), ND4J, channels);
                constructor.addStatement("$N = $T.zeros(dataType,$W$L)", n.batchStd(), ND4J, channels);
                constructor.addStatement("$N = $T.zeros(dataType,$WBATCH_SIZE,$W$L)", n.z(), ND4J, units);
                constructor.addStatement("$N = $T.zeros(dataType,$WBATCH_SIZE,$W$L)", n.normalized(), ND4J, units);
            }
            constructor.addStatement("$N = $T.zeros(dataType,$WBATCH_SIZE,$W$L)", n.output(), ND4J, units);
            if (layer.hasDropout()) {
                constructor.addStatement("$N = $T.ones(dataType,$WBATCH_SIZE,$W$L)", n.mask(), ND4J, units);
            }
            constructor.addStatement("$N = $T.zeros(dataType,$WBATCH_SIZE,$W$L)", n.delta(), ND4J, units);
            if (conv) {
                ConvLayerWriter.addBuffers(constructor, layer);
            }
            inputs = units;
        }
        constructor.addCode("\n");
        constructor.addStatement("parameters = $T.of($L)", List.class, layers.stream()
                .flatMap(layer -> parameterFields(layer).stream())
                .map(field -> CodeBlock.of("$N", field))
                .collect(CodeBlock.joining(",$W")));
        CodeBlock.Builder state = CodeBlock.builder();
        String separator = "";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            for (String parameter : parameterFields(layer)) {
                state.add("$L\nnew $T($N.name(), $N.value())", separator, NAMED_ARRAY, parameter, parameter);
                separator = ",";
            }
            if (layer.batchNorm().isPresent()) {
                state.add(",\nnew $T($S, $N)", NAMED_ARRAY, layer.name() + ".runningMean", n.runningMean());
                state.add(",\nnew $T($S, $N)", NAMED_ARRAY, layer.name() + ".runningStd", n.runningStd());
            }
        }
        constructor.addStatement("state = $T.of($>$L)$<", List.class, state.build());
        CodeBlock.Builder activations = CodeBlock.builder();
        separator = "";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            if (layer.batchNorm().isPresent()) {
                activations.add("$L\nnew $T($S, $N)", separator, NAMED_ARRAY, layer.name() + ".z", n.z());
                separator = ",";
            }
            activations.add("$L\nnew $T($S, $N)", separator, NAMED_ARRAY, layer.name() + ".output", n.output());
            separator = ",";
        }
        constructor.addStatement("activations = $T.of($>$L)$<", List.class, activations.build());
        type.addMethod(constructor.build());
    }

    private CodeBlock optimizer() {
        if (model.optimizer() instanceof OptimizerModel.Sgd sgd) {
            return CodeBlock.of("new $T($L)", SGD_OPTIMIZER, sgd.momentum());
        }
        OptimizerModel.Adam adam = (OptimizerModel.Adam) model.optimizer();
        return CodeBlock.of("new $T($L, $L, $L)", ADAM_OPTIMIZER, adam.beta1(), adam.beta2(), adam.epsilon());
    }

    private void addAccessors(TypeSpec.Builder type) {
        type.addMethod(accessor("description", NETWORK_DESCRIPTION, "DESCRIPTION"));
        type.addMethod(accessor("input", INDARRAY, "input"));
        type.addMethod(accessor("labels", TypeName.get(int[].class), "labels"));
        type.addMethod(accessor("parameters", ParameterizedTypeName.get(ClassName.get(List.class), PARAMETER),
                "parameters"));
        type.addMethod(accessor("state", ParameterizedTypeName.get(ClassName.get(List.class), NAMED_ARRAY),
                "state"));
        type.addMethod(override("steps", TypeName.LONG).addStatement("return optimizer.steps()").build());
        type.addMethod(accessor("activations", ParameterizedTypeName.get(ClassName.get(List.class), NAMED_ARRAY),
                "activations"));
    }

    private void addTrainingProgress(TypeSpec.Builder type) {
        type.addMethod(override("randomState", TypeName.LONG).addStatement("return rng.state()").build());
        MethodSpec.Builder restore = override("restoreTrainingProgress", TypeName.VOID)
                .addParameter(TypeName.LONG, "randomState")
                .addParameter(TypeName.LONG, "steps")
                .addStatement("rng.restore(randomState)")
                .addStatement("optimizer.restoreSteps(steps)");
        if (model.hasBinaryLayers()) {
            restore.addComment("the next step binarizes from the restored weights and random state")
                    .addStatement("binaryWeightsFresh = false");
        }
        type.addMethod(restore.build());
    }

    private static MethodSpec accessor(String name, TypeName type, String field) {
        return override(name, type).addStatement("return $N", field).build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private void addPrepareTrainingStep(TypeSpec.Builder type) {
        MethodSpec.Builder method = override("prepareTrainingStep", TypeName.VOID);
        if (model.hasBinaryLayers()) {
            method.beginControlFlow("if (!binaryWeightsFresh)");
            for (LayerModel layer : layers) {
                if (layer.binary()) {
                    binarize(method, layer, model.binarization() == Binarization.STOCHASTIC
                            ? Propagated.STOCHASTIC : Propagated.DETERMINISTIC);
                }
            }
            method.endControlFlow();
            method.addStatement("binaryWeightsFresh = false");
        }
        for (LayerModel layer : layers) {
            if (layer.hasDropout()) {
                LayerNames n = new LayerNames(layer.name());
                method.addStatement("$T.sampleMask($N,$W$L,$Wrng)", DROPOUT, n.mask(), n.constant("DROPOUT"));
            }
        }
        type.addMethod(method.build());
    }

    /** Which weights a layer propagates: its binarization for training, or what an evaluation asks for. */
    private enum Propagated {
        DETERMINISTIC, STOCHASTIC, REAL
    }

    private static void binarize(MethodSpec.Builder method, LayerModel layer, Propagated weights) {
        LayerNames n = new LayerNames(layer.name());
        switch (weights) {
            case REAL -> method.addStatement("$T.real($N.value(),$W$N.propagated())", BINARIZE, n.weights(),
                    n.weights());
            case STOCHASTIC -> method.addStatement("$T.stochastic($N.value(),$W$N.propagated(),$W$L,$Wrng)", BINARIZE,
                    n.weights(), n.weights(), n.constant("H"));
            case DETERMINISTIC -> method.addStatement("$T.deterministic($N.value(),$W$N.propagated(),$W$L)", BINARIZE,
                    n.weights(), n.weights(), n.constant("H"));
        }
    }

    private void addForwardLoss(TypeSpec.Builder type) {
        type.addMethod(override("forwardLoss", TypeName.DOUBLE)
                .addStatement("forwardTraining()")
                .addStatement("return $T.$L($N,$Wlabels,$Wnull)", LOSS, lossKernel(),
                        new LayerNames(model.outputLayer().name()).output())
                .build());
    }

    private String lossKernel() {
        return model.loss() == Loss.SQUARED_HINGE ? "squaredHinge" : "softmaxCrossEntropy";
    }

    private void addForwardTraining(TypeSpec.Builder type) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("forwardTraining")
                .addJavadoc("The forward pass on batch statistics, with the current binary weights and dropout masks.\n")
                .addModifiers(Modifier.PRIVATE);
        forward(method, true);
        type.addMethod(method.build());
    }

    private void addPredict(TypeSpec.Builder type) {
        MethodSpec.Builder method = override("predict", INDARRAY);
        forward(method, false);
        method.addStatement("return $N", new LayerNames(model.outputLayer().name()).output());
        type.addMethod(method.build());
    }

    private void forward(MethodSpec.Builder method, boolean training) {
        String previous = "input";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            SourceLines.addComment(method, layer.summary());
            String dense = layer.batchNorm().isPresent() ? n.z() : n.output();
            if (layer.isConv()) {
                ConvLayerWriter.forward(method, layer, previous, dense);
            } else {
                method.addStatement("$T.multiply($N,$Wfalse,$W$N.propagated(),$Wfalse,$W$N)", GEMM, previous,
                        n.weights(), dense);
                method.addStatement("$T.addBias($N,$W$N.propagated())", DENSE, dense, n.bias());
            }
            if (layer.batchNorm().isPresent()) {
                if (training) {
                    method.addStatement("$T.forwardTraining($N,$W$N.propagated(),$W$N.propagated(),$W$N,$W$N,$W$N,"
                            + "$W$N,$W$L)", batchNormKernels(layer), n.z(), n.gamma(), n.beta(), n.batchMean(),
                            n.batchStd(), n.normalized(), n.output(), n.constant("BN_EPSILON"));
                } else {
                    method.addStatement("$T.forwardInference($N,$W$N.propagated(),$W$N.propagated(),$W$N,$W$N,$W$N,"
                            + "$W$L)", batchNormKernels(layer), n.z(), n.gamma(), n.beta(), n.runningMean(),
                            n.runningStd(), n.output(), n.constant("BN_EPSILON"));
                }
            }
            if (layer.activation() == Nonlinearity.RELU) {
                method.addStatement("$T.relu($N,$W$N)", ACTIVATION, n.output(), n.output());
            }
            if (training && layer.hasDropout()) {
                method.addStatement("$T.applyMask($N,$W$N)", DROPOUT, n.output(), n.mask());
            }
            previous = n.output();
        }
    }

    /** Batch norm over units for dense layers, over channels (every position of a filter) for convolutions. */
    private static ClassName batchNormKernels(LayerModel layer) {
        return layer.isConv() ? ConvLayerWriter.CHANNEL_BATCH_NORM : BATCH_NORM;
    }

    private void addBackward(TypeSpec.Builder type) {
        LayerNames outputLayer = new LayerNames(model.outputLayer().name());
        MethodSpec.Builder method = override("backward", TypeName.VOID)
                .addStatement("$T.$L($N,$Wlabels,$W$N)", LOSS, lossKernel(), outputLayer.output(), outputLayer.delta());
        for (int i = layers.size() - 1; i >= 0; i--) {
            LayerModel layer = layers.get(i);
            LayerNames n = new LayerNames(layer.name());
            SourceLines.addComment(method, layer.summary());
            if (layer.hasDropout()) {
                method.addStatement("$T.applyMask($N,$W$N)", DROPOUT, n.delta(), n.mask());
            }
            if (layer.activation() == Nonlinearity.RELU) {
                method.addStatement("$T.reluBackward($N,$W$N)", ACTIVATION, n.delta(), n.output());
            }
            if (layer.batchNorm().isPresent()) {
                method.addStatement("$T.backward($N,$W$N,$W$N,$W$N.propagated(),$W$N.gradient(),$W$N.gradient(),$W$L)",
                        batchNormKernels(layer), n.delta(), n.normalized(), n.batchStd(), n.gamma(), n.gamma(),
                        n.beta(), n.constant("BN_EPSILON"));
            }
            String previousOutput = i == 0 ? "input" : new LayerNames(layers.get(i - 1).name()).output();
            if (layer.isConv()) {
                ConvLayerWriter.backward(method, layer, previousOutput,
                        i == 0 ? null : new LayerNames(layers.get(i - 1).name()).delta());
                continue;
            }
            method.addStatement("$T.biasGradient($N,$W$N.gradient())", DENSE, n.delta(), n.bias());
            method.addStatement("$N.setGradientToProduct($N,$Wtrue,$W$N,$Wfalse)", n.weights(), previousOutput,
                    n.delta());
            if (i > 0) {
                method.addStatement("$T.multiply($N,$Wfalse,$W$N.propagated(),$Wtrue,$W$N)", GEMM, n.delta(),
                        n.weights(), new LayerNames(layers.get(i - 1).name()).delta());
            }
        }
        type.addMethod(method.build());
    }

    private void addUpdate(TypeSpec.Builder type) {
        MethodSpec.Builder method = override("update", TypeName.VOID)
                .addParameter(TypeName.DOUBLE, "learningRate")
                .addStatement("optimizer.update(parameters,$WlearningRate)");
        if (model.hasBinaryLayers()) {
            method.addComment("the optimizer binarized the binary weights for the next step in the same pass");
            method.addStatement("binaryWeightsFresh = true");
        }
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            layer.batchNorm().ifPresent(bn -> method.addStatement("$T.updateRunningStatistics($N,$W$N,$W$N,$W$N,$W$L)",
                    BATCH_NORM, n.runningMean(), n.runningStd(), n.batchMean(), n.batchStd(), n.constant("BN_ALPHA")));
        }
        type.addMethod(method.build());
    }

    private void addPrepareEvaluation(TypeSpec.Builder type) {
        MethodSpec.Builder method = override("prepareEvaluation", TypeName.VOID)
                .addParameter(EvaluationWeights.class, "weights");
        if (model.hasBinaryLayers()) {
            method.addStatement("binaryWeightsFresh = false");
        }
        method.beginControlFlow("switch (weights)");
        for (EvaluationWeights weights : List.of(EvaluationWeights.BINARY, EvaluationWeights.REAL,
                EvaluationWeights.SAMPLED_AVERAGE)) {
            method.beginControlFlow("case $L ->", weights);
            for (LayerModel layer : layers) {
                if (layer.binary()) {
                    binarize(method, layer, switch (weights) {
                        case REAL -> Propagated.REAL;
                        case SAMPLED_AVERAGE -> Propagated.STOCHASTIC;
                        default -> Propagated.DETERMINISTIC;
                    });
                }
            }
            method.endControlFlow();
        }
        method.addStatement("default -> throw new $T($L$W+ weights)", IllegalArgumentException.class,
                SourceLines.literal("evaluate with BINARY, REAL or SAMPLED_AVERAGE weights, not "));
        method.endControlFlow();
        type.addMethod(method.build());
    }
}
