package org.binaryconnect.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import org.binaryconnect.dsl.Nonlinearity;

/**
 * Writes {@code <Spec>Inference}: the trained network's forward pass on the JDK alone, reading the packed model
 * that {@code mvn binaryconnect:export} writes (docs/packed-model-format.md). Binary layers keep their weights as
 * sign bits and add or subtract inputs; every layer's bias and batch norm arrive folded into a scale and shift.
 */
final class InferenceClassWriter {

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final TypeName FLOATS = TypeName.get(float[].class);

    /**
     * Binary layers with at least this many units use signed-sum lookup tables: building them costs about 32
     * additions per input, which walking the set bits of every unit (about inputs / 2 additions per unit) only
     * costs more from about 64 units on. Measurements: docs/decisions/binary-inference-kernels.md.
     */
    static final int LOOKUP_MIN_UNITS = 64;

    /**
     * The batch kernels take up to this many samples at once. Each of their inner loops runs over the samples, so a
     * larger block pays a loop's fixed cost over more of them; 128 keeps a block's lookup rows (256 KB) and a 1024-unit
     * layer's outputs (512 KB) within this machine's 1 MB L2 cache. Measurements:
     * docs/decisions/binary-inference-kernels.md.
     */
    static final int BATCH_BLOCK = 128;

    /**
     * Batches of fewer samples go one sample at a time. Below about 16 samples that is faster; and a JIT that first
     * compiles the block kernels on blocks of a few samples keeps loops unsuited to long blocks (measured: 10,000
     * instead of 28,000 samples/s for batches of 100 after warming up on single-sample batches).
     */
    static final int MIN_BLOCK = 16;

    /** The packed model format version the generated reader reads (docs/packed-model-format.md). */
    static final int FORMAT_VERSION = 3;

    private final NetworkModel model;
    private final List<LayerModel> layers;
    private final ClassName inference;
    private final PackedReaderTypes packed;

    InferenceClassWriter(NetworkModel model) {
        this.model = model;
        this.layers = model.layers();
        this.inference = ClassName.get(model.packageName(), inferenceClassName(model));
        this.packed = new PackedReaderTypes(inference);
    }

    static String inferenceClassName(NetworkModel model) {
        return model.specName() + "Inference";
    }

    JavaFile write(TypeElement spec) {
        TypeSpec.Builder type = TypeSpec.classBuilder(inference)
                .addJavadoc(classJavadoc())
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", NetworkProcessor.class.getName()).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(spec);
        addConstants(type);
        addFields(type);
        addConstructor(type);
        addLoad(type);
        addPredict(type);
        addScores(type);
        addBatchScores(type);
        addKernels(type);
        type.addType(packed.exceptionType());
        type.addType(packed.readerType(model.hasConvLayers()));
        return JavaFile.builder(model.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock classJavadoc() {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Inference for {@link $L} on the JDK alone, generated from its annotations: it reads the"
                        + " trained weights\nfrom the classpath resource {@code $L} that"
                        + " {@code mvn binaryconnect:export} packs next to this class.\n", model.specName(),
                        resourceName())
                .add("\n<p>Features are exactly what the training network gets as input: {@link #INPUT_SIZE}"
                        + " floats\n$L $L. For images that is every pixel scaled to [-1, 1] as\n{@code 2 * x / 255 -"
                        + " 1}; {@link #predictPixels} does that scaling.\n",
                        model.hasConvLayers() ? "channel by channel, each channel's rows in turn ({@code C, H, W}:"
                                + " how the loaders deliver images and the\nconv layers read them), for the declared"
                                + " shape" : "in the row-major order of the declared shape", model.inputShape())
                .add("\n<p>Binary layers keep one sign bit per weight and only add or subtract their inputs;"
                        + " each layer's bias and batch\nnorm are folded into a per-unit scale and shift. The"
                        + " results are the trained network's with deterministic binary\nweights and batch norm"
                        + " on running statistics, up to float rounding (the packed scale and shift keep 15\nmantissa"
                        + " bits).\n")
                .add("\n<p>Instances are immutable and thread-safe: every call allocates its own working"
                        + " arrays (activations, and\nfor binary layers of $L units or more a 16 KB lookup table)"
                        + " rather than sharing scratch buffers.\n", LOOKUP_MIN_UNITS)
                .add(model.hasConvLayers()
                        ? "{@link #predict(float[][])} spreads the samples over the common fork-join pool.\n"
                        : "{@link #predict(float[][])} runs up to {@link #BATCH_BLOCK} samples at once with SIMD"
                        + " loops over the samples and\nspreads each layer's units over the common fork-join pool;"
                        + " a sample's scores are the same, bit for bit,\nas one at a time.\n")
                .add("\n<p>Layers:\n<ul>\n");
        for (LayerModel layer : layers) {
            doc.add("<li>$L</li>\n", layer.summary());
        }
        return doc.add("</ul>\n").build();
    }

    private String resourceName() {
        return model.specName() + ".bcpk";
    }

    private void addConstants(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(String.class, "NETWORK_NAME", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("The network a packed model must be for: the spec's simple name.\n")
                .initializer("$S", model.specName()).build());
        type.addField(FieldSpec.builder(String.class, "FINGERPRINT", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("The declared network's fingerprint: a packed model must have been"
                        + " trained for exactly this structure.\n")
                .initializer("$S", Fingerprint.of(model)).build());
        type.addField(FieldSpec.builder(String.class, "RESOURCE", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL).addJavadoc("The packed model {@link #load()} reads, next to this class.\n")
                .initializer("$S", resourceName()).build());
        type.addField(constant("INPUT_SIZE", true, model.inputSize()));
        type.addField(constant("CLASSES", true, model.classes()));
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            if (layer.isConv()) {
                ConvInferenceWriter.addConstants(type, layer);
                continue;
            }
            type.addField(constant(n.constant("INPUTS"), false, layer.inputs()));
            type.addField(constant(n.constant("UNITS"), false, layer.units()));
            if (layer.binary()) {
                type.addField(constant(n.constant("WORDS"), false, (layer.inputs() + 63) / 64));
            }
        }
        type.addField(constant("LAYERS", false, layers.size()));
        if (!model.hasConvLayers()) {
            type.addField(FieldSpec.builder(TypeName.INT, "BATCH_BLOCK", Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).addJavadoc("The most samples {@link #scores(float[][])} computes at once: a"
                            + " batch is cut into blocks of this many.\n")
                    .initializer("$L", BATCH_BLOCK).build());
            type.addField(FieldSpec.builder(TypeName.INT, "MIN_BLOCK", Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).addJavadoc("Batches of fewer samples are computed one sample at a time: that is"
                            + " faster for them, and the JIT\nthen compiles the block kernels for long loops"
                            + " only.\n")
                    .initializer("$L", MIN_BLOCK).build());
            type.addField(FieldSpec.builder(TypeName.INT, "UNITS_PER_THREAD", Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL).addJavadoc("A layer's units are spread over threads only in parts of at least"
                            + " this many.\n")
                    .initializer("$L", LOOKUP_MIN_UNITS).build());
        }
        type.addField(FieldSpec.builder(TypeName.INT, "MAGIC", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("0x4243504b").addJavadoc("'B' 'C' 'P' 'K'\n").build());
        type.addField(privateConstant("FORMAT_VERSION", FORMAT_VERSION));
        type.addField(privateConstant("KIND_BINARY", 1));
        type.addField(privateConstant("KIND_FULL_PRECISION", 2));
        type.addField(privateConstant("ACTIVATION_IDENTITY", 0));
        type.addField(privateConstant("ACTIVATION_RELU", 1));
        if (model.hasConvLayers()) {
            ConvInferenceWriter.addKindConstants(type);
        }
    }

    private static FieldSpec constant(String name, boolean isPublic, int value) {
        FieldSpec.Builder field = FieldSpec.builder(TypeName.INT, name, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", value);
        if (isPublic) {
            field.addModifiers(Modifier.PUBLIC);
        }
        return field.build();
    }

    private static FieldSpec privateConstant(String name, int value) {
        return FieldSpec.builder(TypeName.INT, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", value).build();
    }

    private void addFields(TypeSpec.Builder type) {
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            FieldSpec.Builder weights = layer.isConv() ? ConvInferenceWriter.weightsField(layer).toBuilder()
                    : layer.binary() && usesLookup(layer)
                    ? FieldSpec.builder(long[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                            .addJavadoc("Sign bits, $L words per unit, in the block-major order of {@link"
                                    + " #blockMajor}: bit i % 64 of word\ni / 64 of unit j is 1 where W[i][j] is +H.\n",
                                    n.constant("WORDS"))
                    : layer.binary()
                    ? FieldSpec.builder(long[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                            .addJavadoc("Sign bits, $L words per unit: bit i of unit j is 1 where W[i][j] is +H.\n",
                                    n.constant("WORDS"))
                    : FieldSpec.builder(float[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                            .addJavadoc("Unit-major: the weights of unit j start at j * $L.\n", n.constant("INPUTS"));
            type.addField(weights.build());
            type.addField(FLOATS, scale(n), Modifier.PRIVATE, Modifier.FINAL);
            type.addField(FLOATS, shift(n), Modifier.PRIVATE, Modifier.FINAL);
        }
    }

    private static String scale(LayerNames n) {
        return n.field("Scale");
    }

    private static String shift(LayerNames n) {
        return n.field("Shift");
    }

    private void addConstructor(TypeSpec.Builder type) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addJavadoc("Reads and checks a whole packed model, in file order.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(packed.reader(), "in")
                .addException(IOException.class)
                .addStatement("in.header(NETWORK_NAME, FINGERPRINT, INPUT_SIZE, CLASSES, LAYERS)");
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            if (layer.isConv()) {
                ConvInferenceWriter.read(constructor, layer, scale(n), shift(n));
                continue;
            }
            String units = n.constant("UNITS");
            constructor.addStatement("in.layer($S, $L, $L, $L, $L)", layer.name(),
                    layer.binary() ? "KIND_BINARY" : "KIND_FULL_PRECISION", n.constant("INPUTS"), units,
                    layer.activation() == Nonlinearity.RELU ? "ACTIVATION_RELU" : "ACTIVATION_IDENTITY");
            if (layer.binary() && usesLookup(layer)) {
                constructor.addStatement("$N = blockMajor(in.bits($L, $L, $L, $S), $L, $L)", n.weights(), units,
                        n.constant("INPUTS"), n.constant("WORDS"), "layer " + layer.name() + " weights", units,
                        n.constant("WORDS"));
            } else if (layer.binary()) {
                constructor.addStatement("$N = in.bits($L, $L, $L, $S)", n.weights(), units, n.constant("INPUTS"),
                        n.constant("WORDS"), "layer " + layer.name() + " weights");
            } else {
                constructor.addStatement("$N = in.floats($L * $L, $S)", n.weights(), units, n.constant("INPUTS"),
                        "layer " + layer.name() + " weights");
            }
            constructor.addStatement("$N = in.f24s($L, $S)", scale(n), units, "layer " + layer.name() + " scale");
            constructor.addStatement("$N = in.f24s($L, $S)", shift(n), units, "layer " + layer.name() + " shift");
        }
        constructor.addStatement("in.finish()");
        type.addMethod(constructor.build());
    }

    private void addLoad(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("load")
                .addJavadoc("Loads the packed model {@link #RESOURCE} from next to this class on the classpath.\n"
                        + "\n@throws $T if the resource is missing\n@throws $T if it is not a packed model of"
                        + " this network\n", FileNotFoundException.class, packed.exception())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(inference)
                .addException(IOException.class)
                .beginControlFlow("try ($T in = $T.class.getResourceAsStream(RESOURCE))", InputStream.class,
                        inference)
                .beginControlFlow("if (in == null)")
                .addStatement("throw new $T($S + RESOURCE\n+ $S + $T.class.getName()\n+ $S)",
                        FileNotFoundException.class, "no packed model ", " on the classpath next to ", inference,
                        ": run mvn binaryconnect:export after training to create it")
                .endControlFlow()
                .addStatement("return load(in)")
                .endControlFlow()
                .build());
        type.addMethod(MethodSpec.methodBuilder("load")
                .addJavadoc("Loads a packed model from {@code in}, which must hold exactly one and nothing after"
                        + " it; reads it to its\nend and leaves it open. Every value is checked against this"
                        + " network before it is used.\n\n@throws $T if it is not a complete, intact packed model"
                        + " of this network\n", packed.exception())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(inference)
                .addParameter(InputStream.class, "in")
                .addException(IOException.class)
                .addStatement("$T reader = new $T(in)", packed.reader(), packed.reader())
                .beginControlFlow("try")
                .addStatement("return new $T(reader)", inference)
                .nextControlFlow("catch ($T e)", EOFException.class)
                .addStatement("throw reader.truncated()")
                .endControlFlow()
                .build());
    }

    private void addPredict(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("predict")
                .addJavadoc("The predicted class: the index of the largest score, the first one on ties.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addParameter(FLOATS, "features")
                .addStatement("return argmax(scores(features))")
                .build());
        type.addMethod(MethodSpec.methodBuilder("predict")
                .addJavadoc("The predicted class of every sample of {@code batch}: the same classes as {@link"
                        + " #predict(float[])}\ngives one sample at a time, computed faster (see {@link"
                        + " #scores(float[][])}).\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(int[].class)
                .addParameter(float[][].class, "batch")
                .addStatement("float[][] scores = scores(batch)")
                .addStatement("int[] classes = new int[batch.length]")
                .beginControlFlow("for (int s = 0; s < batch.length; s++)")
                .addStatement("classes[s] = argmax(scores[s])")
                .endControlFlow()
                .addStatement("return classes")
                .build());
        type.addMethod(MethodSpec.methodBuilder("predictPixels")
                .addJavadoc("The predicted class of an image given as unsigned bytes, 0 to 255 each, scaled to"
                        + " [-1, 1] as in training.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addParameter(byte[].class, "unsignedPixels")
                .addStatement("checkLength(unsignedPixels.length, $S)", "pixels")
                .addStatement("float[] features = new float[INPUT_SIZE]")
                .beginControlFlow("for (int i = 0; i < INPUT_SIZE; i++)")
                .addComment("the same float arithmetic as training's scaling, so the features are identical")
                .addStatement("features[i] = 2f * (unsignedPixels[i] & 0xff) / 255f - 1f")
                .endControlFlow()
                .addStatement("return predict(features)")
                .build());
    }

    private void addScores(TypeSpec.Builder type) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("scores")
                .addJavadoc("The outputs of the last layer, one per class.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "features")
                .addStatement("checkLength(features.length, $S)", "features");
        String previous = "features";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            method.addComment("$L", layer.summary());
            CodeBlock dense = layer.isConv() ? ConvInferenceWriter.call(layer, previous, scale(n), shift(n))
                    : layer.binary()
                    ? CodeBlock.of("$L($N, $N, $L, $N, $N)", binaryKernel(layer), previous, n.weights(),
                            n.constant("WORDS"), scale(n), shift(n))
                    : CodeBlock.of("fullPrecisionDense($N, $N, $N, $N)", previous, n.weights(), scale(n), shift(n));
            method.addStatement(layer.activation() == Nonlinearity.RELU ? "float[] $N = relu($L)" : "float[] $N = $L",
                    n.output(), dense);
            previous = n.output();
        }
        type.addMethod(method.addStatement("return $N", previous).build());
    }

    private void addBatchScores(TypeSpec.Builder type) {
        MethodSpec.Builder scores = MethodSpec.methodBuilder("scores")
                .addModifiers(Modifier.PUBLIC)
                .returns(float[][].class)
                .addParameter(float[][].class, "batch")
                .beginControlFlow("for (float[] features : batch)")
                .addStatement("checkLength(features.length, $S)", "features")
                .endControlFlow()
                .addStatement("float[][] scores = new float[batch.length][]");
        CodeBlock oneAtATime = CodeBlock.builder()
                .addStatement("$T.range(0, batch.length).parallel().forEach(s -> scores[s] = scores(batch[s]))",
                        IntStream.class)
                .addStatement("return scores")
                .build();
        if (model.hasConvLayers()) {
            type.addMethod(scores
                    .addJavadoc("The outputs of the last layer for every sample of {@code batch}, one row per"
                            + " sample, each computed by\n{@link #scores(float[])} on the threads of the common"
                            + " fork-join pool and the calling thread.\n")
                    .addCode(oneAtATime)
                    .build());
            return;
        }
        type.addMethod(scores
                .addJavadoc("The outputs of the last layer for every sample of {@code batch}, one row per sample: bit"
                        + " for bit what\n{@link #scores(float[])} gives for each. Blocks of up to {@link"
                        + " #BATCH_BLOCK} samples go through the network together,\nwith each layer's units spread"
                        + " over the threads of the common fork-join pool and the calling thread; a batch of\nfewer"
                        + " than {@link #MIN_BLOCK} samples is computed one sample at a time, on the same threads.\n")
                .beginControlFlow("if (batch.length < MIN_BLOCK)")
                .addCode(oneAtATime)
                .endControlFlow()
                .addComment("blocks of equal size, so that none is smaller than MIN_BLOCK")
                .addStatement("int blocks = (batch.length + BATCH_BLOCK - 1) / BATCH_BLOCK")
                .beginControlFlow("for (int k = 0; k < blocks; k++)")
                .addStatement("int from = (int) ((long) batch.length * k / blocks)")
                .addStatement("int size = (int) ((long) batch.length * (k + 1) / blocks) - from")
                .addStatement("float[][] block = blockScores(transposed(batch, from, size))")
                .beginControlFlow("for (int b = 0; b < size; b++)")
                .addStatement("float[] sample = new float[CLASSES]")
                .beginControlFlow("for (int c = 0; c < CLASSES; c++)")
                .addStatement("sample[c] = block[c][b]")
                .endControlFlow()
                .addStatement("scores[from + b] = sample")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return scores")
                .build());
        MethodSpec.Builder block = MethodSpec.methodBuilder("blockScores")
                .addJavadoc("The last layer's outputs, {@code [class][sample]}, for a block of samples given"
                        + " input-major.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(float[][].class)
                .addParameter(float[][].class, "features");
        String previous = "features";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            String units = n.constant("UNITS");
            block.addComment("$L", layer.summary());
            block.addStatement("float[][] $N = new float[$L][]", n.output(), units);
            CodeBlock.Builder range = CodeBlock.builder();
            if (!layer.binary()) {
                range.addStatement("fullPrecisionDense($N, $N, $N, from, to)", previous, n.weights(), n.output());
            } else if (usesLookup(layer)) {
                range.addStatement("binaryDenseByLookup($N, $N, $L, $N, from, to)", previous, n.weights(),
                        n.constant("WORDS"), n.output());
            } else {
                range.addStatement("binaryDenseBySetBits($N, $N, $L, $N, from, to)", previous, n.weights(),
                        n.constant("WORDS"), n.output());
            }
            range.addStatement("scaleAndShift($N, $N, $N, from, to)", n.output(), scale(n), shift(n));
            if (layer.activation() == Nonlinearity.RELU) {
                range.addStatement("relu($N, from, to)", n.output());
            }
            block.addCode("inParallel($L, (from, to) -> {\n$>$L$<});\n", units, range.build());
            previous = n.output();
        }
        type.addMethod(block.addStatement("return $N", previous).build());
        type.addType(TypeSpec.interfaceBuilder("UnitRange")
                .addJavadoc("Computes units {@code from .. to - 1} of a layer.\n")
                .addModifiers(Modifier.PRIVATE)
                .addMethod(MethodSpec.methodBuilder("compute")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .addParameter(TypeName.INT, "from")
                        .addParameter(TypeName.INT, "to")
                        .build())
                .build());
        type.addMethod(MethodSpec.methodBuilder("inParallel")
                .addJavadoc("Computes a layer's units in parts of at least {@link #UNITS_PER_THREAD}, one part per"
                        + " available processor at most,\non the common fork-join pool and the calling thread.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(TypeName.INT, "units")
                .addParameter(ClassName.get("", "UnitRange"), "range")
                .addStatement("int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),"
                        + " units / UNITS_PER_THREAD))")
                .beginControlFlow("if (parts == 1)")
                .addStatement("range.compute(0, units)")
                .nextControlFlow("else")
                .addStatement("$T.range(0, parts).parallel().forEach(p -> range.compute(units * p / parts,"
                        + " units * (p + 1) / parts))", IntStream.class)
                .endControlFlow()
                .build());
    }

    private void addKernels(TypeSpec.Builder type) {
        if (!model.hasConvLayers()) {
            BatchKernels.addTo(type, layers.stream().anyMatch(layer -> layer.binary() && usesLookup(layer)),
                    layers.stream().anyMatch(layer -> layer.binary() && !usesLookup(layer)),
                    layers.stream().anyMatch(layer -> !layer.binary()),
                    layers.stream().anyMatch(layer -> layer.activation() == Nonlinearity.RELU));
        }
        if (layers.stream().anyMatch(layer -> !layer.isConv() && layer.binary() && !usesLookup(layer))) {
            type.addMethod(binaryDenseBySetBits());
        }
        if (layers.stream().anyMatch(layer -> !layer.isConv() && layer.binary() && usesLookup(layer))) {
            LookupKernel.addTo(type);
        }
        ConvInferenceWriter.addKernels(type, layers);
        if (layers.stream().anyMatch(layer -> !layer.isConv() && !layer.binary())) {
            type.addMethod(fullPrecisionDense());
        }
        if (layers.stream().anyMatch(layer -> layer.activation() == Nonlinearity.RELU)) {
            type.addMethod(MethodSpec.methodBuilder("relu")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(FLOATS)
                    .addParameter(FLOATS, "y")
                    .beginControlFlow("for (int j = 0; j < y.length; j++)")
                    .addStatement("y[j] = Math.max(y[j], 0f)")
                    .endControlFlow()
                    .addStatement("return y")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("argmax")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.INT)
                .addParameter(FLOATS, "scores")
                .addStatement("int best = 0")
                .beginControlFlow("for (int k = 1; k < scores.length; k++)")
                .beginControlFlow("if (scores[k] > scores[best])")
                .addStatement("best = k")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return best")
                .build());
        type.addMethod(MethodSpec.methodBuilder("checkLength")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(TypeName.INT, "length")
                .addParameter(String.class, "what")
                .beginControlFlow("if (length != INPUT_SIZE)")
                .addStatement("throw new $T($S + INPUT_SIZE + $S + what + $S + length)",
                        IllegalArgumentException.class, "expected ", " ", ", got ")
                .endControlFlow()
                .build());
    }

    private static boolean usesLookup(LayerModel layer) {
        return layer.units() >= LOOKUP_MIN_UNITS;
    }

    private static String binaryKernel(LayerModel layer) {
        return usesLookup(layer) ? "binaryDenseByLookup" : "binaryDenseBySetBits";
    }

    private static MethodSpec binaryDenseBySetBits() {
        return MethodSpec.methodBuilder("binaryDenseBySetBits")
                .addJavadoc("A binary dense layer of few units, without multiplications. With s = +1 where a bit"
                        + " is set and -1 where\nnot, {@code sum_i s_i x_i = 2 * (sum of x_i over set bits) -"
                        + " sum_i x_i}, so each unit only adds the\ninputs of its set bits. Walking the set bits"
                        + " measured faster than selecting every bit without branches.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "x")
                .addParameter(long[].class, "weights")
                .addParameter(TypeName.INT, "words")
                .addParameter(FLOATS, "scale")
                .addParameter(FLOATS, "shift")
                .addStatement("float total = 0f")
                .beginControlFlow("for (float value : x)")
                .addStatement("total += value")
                .endControlFlow()
                .addStatement("float[] y = new float[scale.length]")
                .beginControlFlow("for (int j = 0; j < y.length; j++)")
                .addStatement("float positive = 0f")
                .addStatement("int unit = j * words")
                .beginControlFlow("for (int w = 0; w < words; w++)")
                .addStatement("long bits = weights[unit + w]")
                .addStatement("int first = w << 6")
                .beginControlFlow("while (bits != 0)")
                .addStatement("positive += x[first + Long.numberOfTrailingZeros(bits)]")
                .addComment("clears the lowest set bit")
                .addStatement("bits &= bits - 1")
                .endControlFlow()
                .endControlFlow()
                .addStatement("y[j] = scale[j] * (2f * positive - total) + shift[j]")
                .endControlFlow()
                .addStatement("return y")
                .build();
    }

    private static MethodSpec fullPrecisionDense() {
        return MethodSpec.methodBuilder("fullPrecisionDense")
                .addJavadoc("A full-precision dense layer: a float dot product per unit over its unit-major"
                        + " weights.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "x")
                .addParameter(FLOATS, "weights")
                .addParameter(FLOATS, "scale")
                .addParameter(FLOATS, "shift")
                .addStatement("float[] y = new float[scale.length]")
                .beginControlFlow("for (int j = 0; j < y.length; j++)")
                .addStatement("float acc = 0f")
                .addStatement("int unit = j * x.length")
                .beginControlFlow("for (int i = 0; i < x.length; i++)")
                .addStatement("acc += weights[unit + i] * x[i]")
                .endControlFlow()
                .addStatement("y[j] = scale[j] * acc + shift[j]")
                .endControlFlow()
                .addStatement("return y")
                .build();
    }
}
