package org.binaryconnect.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import org.binaryconnect.dsl.Nonlinearity;

/**
 * Writes {@code <Spec>Inference}: the trained network's forward pass, reading the packed model that
 * {@code mvn binaryconnect:export} writes (docs/packed-model-format.md). It holds what is specific to the network
 * (its sizes, fingerprint, weights and the order of its layers) and calls binaryconnect-inference, a zero-dependency
 * library, for the reader and every kernel (docs/decisions/inference-library.md). The library's types are named
 * here as strings, so the processor does not depend on it.
 */
final class InferenceClassWriter {

    static final String LIBRARY = "org.binaryconnect.inference";
    static final ClassName READER = ClassName.get(LIBRARY, "PackedModelReader");
    static final ClassName FORMAT = ClassName.get(LIBRARY, "PackedModelFormat");
    static final ClassName INVALID_MODEL = ClassName.get(LIBRARY, "InvalidModelException");
    static final ClassName DENSE = ClassName.get(LIBRARY, "DenseKernels");
    static final ClassName BLOCK = ClassName.get(LIBRARY, "BlockKernels");
    static final ClassName PREDICTIONS = ClassName.get(LIBRARY, "Predictions");
    static final ClassName PIPELINE = ClassName.get(LIBRARY, "InputPipeline");

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final TypeName FLOATS = TypeName.get(float[].class);

    /**
     * Binary dense layers with at least this many units use signed-sum lookup tables: building them costs about 32
     * additions per input, which walking the set bits of every unit (about inputs / 2 additions per unit) only
     * costs more from about 64 units on. Measurements: docs/decisions/binary-inference-kernels.md.
     */
    static final int LOOKUP_MIN_UNITS = 64;

    private final NetworkModel model;
    private final List<LayerModel> layers;
    private final ClassName inference;
    /** The {@code PackedModelFormat} constants the class uses, statically imported. */
    private final Set<String> formatConstants = new TreeSet<>();

    InferenceClassWriter(NetworkModel model) {
        this.model = model;
        this.layers = model.layers();
        this.inference = ClassName.get(model.packageName(), inferenceClassName(model));
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
        addClassName(type);
        addScores(type);
        addBatchScores(type);
        return JavaFile.builder(model.packageName(), type.build())
                .addStaticImport(FORMAT, formatConstants.toArray(String[]::new))
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock classJavadoc() {
        String order = model.hasConvLayers()
                ? "channel by channel, each channel's rows in turn ({@code C, H, W}: how the loaders deliver images"
                        + " and the conv layers read them), for the declared shape " + model.inputShape()
                : "in the row-major order of the declared shape " + model.inputShape();
        CodeBlock.Builder doc = CodeBlock.builder()
                .add(paragraph("Inference for {@link " + model.specName() + "}, generated from its annotations: it"
                        + " reads the trained weights from the classpath resource {@code " + resourceName()
                        + "} that {@code mvn binaryconnect:export} packs next to this class. It needs the JDK and"
                        + " binaryconnect-inference, whose kernels it calls layer by layer."))
                .add("\n<p>")
                .add(paragraph("Features are exactly what the training network gets as input: {@link #INPUT_SIZE}"
                        + " floats " + order + ", after the training data's preprocessing. {@link #predictPixels}"
                        + " takes raw unsigned pixels instead and applies the preprocessing the packed model records"
                        + " ({@link #pipeline()}: byte scaling, then any contrast normalisation, centering and ZCA"
                        + " whitening, with the values fitted in training), bit for bit as training did."))
                .add("\n<p>")
                .add(paragraph("Binary layers keep one sign bit per weight and only add or subtract their inputs;"
                        + " each layer's bias and batch norm are folded into a per-unit scale and shift. The results"
                        + " are the trained network's with deterministic binary weights and batch norm on running"
                        + " statistics, up to float rounding (the packed scale and shift keep 15 mantissa bits)."))
                .add("\n<p>")
                .add(paragraph("Instances are immutable and thread-safe: every call allocates its own working"
                        + " arrays (activations, and for binary layers of " + LOOKUP_MIN_UNITS + " units or more a"
                        + " 16 KB lookup table) rather than sharing scratch buffers. " + (model.hasConvLayers()
                        ? "{@link #predict(float[][])} spreads the samples over the common fork-join pool."
                        : "{@link #predict(float[][])} runs up to {@link #BATCH_BLOCK} samples at once with SIMD"
                        + " loops over the samples and spreads each layer's units over the common fork-join pool;"
                        + " a sample's scores are the same, bit for bit, as one at a time.")))
                .add("\n<p>Layers:\n<ul>\n");
        for (LayerModel layer : layers) {
            doc.add(paragraph("<li>" + layer.summary() + "</li>"));
        }
        return doc.add("</ul>\n").build();
    }

    /** Javadoc text wrapped at spaces, ending with a newline; {@code $} is literal. */
    private static CodeBlock paragraph(String text) {
        return CodeBlock.of("$L\n", SourceLines.javadoc(text, SourceLines.JAVADOC_WIDTH));
    }

    private String resourceName() {
        return model.specName() + ".bcpk";
    }

    /** A {@code PackedModelFormat} constant, statically imported: kind and activation codes. */
    String format(String constant) {
        formatConstants.add(constant);
        return constant;
    }

    String activation(LayerModel layer) {
        return format(layer.activation() == Nonlinearity.RELU ? "ACTIVATION_RELU" : "ACTIVATION_IDENTITY");
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
                    .initializer("$T.BATCH_BLOCK", BLOCK).build());
            type.addField(FieldSpec.builder(TypeName.INT, "MIN_BLOCK", Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).addJavadoc("Batches of fewer samples are computed one sample at a time: that is"
                            + " faster for them, and the JIT\nthen compiles the block kernels for long loops"
                            + " only.\n")
                    .initializer("$T.MIN_BLOCK", BLOCK).build());
        }
    }

    static FieldSpec constant(String name, boolean isPublic, int value) {
        FieldSpec.Builder field = FieldSpec.builder(TypeName.INT, name, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", value);
        if (isPublic) {
            field.addModifiers(Modifier.PUBLIC);
        }
        return field.build();
    }

    private void addFields(TypeSpec.Builder type) {
        type.addField(FieldSpec.builder(PIPELINE, "pipeline", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("What training did to raw pixels, with its fitted values, as the packed model records"
                        + " it.\n").build());
        type.addField(FieldSpec.builder(String[].class, "classNames", Modifier.PRIVATE, Modifier.FINAL)
                .addJavadoc("The classes' names in label order; empty when the training data named none.\n")
                .build());
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            FieldSpec.Builder weights = layer.isConv() ? ConvInferenceWriter.weightsField(layer).toBuilder()
                    : layer.binary() && usesLookup(layer)
                    ? FieldSpec.builder(long[].class, n.weights(), Modifier.PRIVATE, Modifier.FINAL)
                            .addJavadoc("Sign bits, $L words per unit, in the block-major order of\n{@link"
                                    + " $T#blockMajor}: bit i % 64 of word i / 64 of unit j is 1 where W[i][j] is"
                                    + " +H.\n", n.constant("WORDS"), DENSE)
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

    static String scale(LayerNames n) {
        return n.field("Scale");
    }

    static String shift(LayerNames n) {
        return n.field("Shift");
    }

    private void addConstructor(TypeSpec.Builder type) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addJavadoc("Reads and checks a whole packed model, in file order.\n")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(READER, "in")
                .addException(IOException.class)
                .addStatement("in.header(NETWORK_NAME, FINGERPRINT, INPUT_SIZE, CLASSES, LAYERS)")
                .addStatement("pipeline = in.pipeline(INPUT_SIZE)")
                .addStatement("classNames = in.classNames(CLASSES)");
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            if (layer.isConv()) {
                ConvInferenceWriter.read(this, constructor, layer);
                continue;
            }
            String units = n.constant("UNITS");
            String inputs = n.constant("INPUTS");
            String weights = "layer " + layer.name() + " weights";
            constructor.addStatement("in.layer($S,$W$L,$W$L,$W$L,$W$L)", layer.name(),
                    format(layer.binary() ? "KIND_BINARY" : "KIND_FULL_PRECISION"), inputs, units, activation(layer));
            if (layer.binary() && usesLookup(layer)) {
                constructor.addStatement("long[] $N = in.bits($L,$W$L,$W$L,$W$S)", n.field("Signs"), units, inputs,
                        n.constant("WORDS"), weights);
                constructor.addStatement("$N = $T.blockMajor($N,$W$L,$W$L)", n.weights(), DENSE, n.field("Signs"),
                        units, n.constant("WORDS"));
            } else if (layer.binary()) {
                constructor.addStatement("$N = in.bits($L,$W$L,$W$L,$W$S)", n.weights(), units, inputs,
                        n.constant("WORDS"), weights);
            } else {
                constructor.addStatement("$N = in.floats($L * $L,$W$S)", n.weights(), units, inputs, weights);
            }
            readScaleAndShift(constructor, layer, units);
        }
        constructor.addStatement("in.finish()");
        type.addMethod(constructor.build());
    }

    static void readScaleAndShift(MethodSpec.Builder constructor, LayerModel layer, String units) {
        LayerNames n = new LayerNames(layer.name());
        constructor.addStatement("$N = in.f24s($L,$W$S)", scale(n), units, "layer " + layer.name() + " scale");
        constructor.addStatement("$N = in.f24s($L,$W$S)", shift(n), units, "layer " + layer.name() + " shift");
    }

    private void addLoad(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("load")
                .addJavadoc("Loads the packed model {@link #RESOURCE} from next to this class on the classpath.\n"
                        + "\n@throws $T if the resource is missing\n@throws $T if it is not a packed model of"
                        + " this network\n", FileNotFoundException.class, INVALID_MODEL)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(inference)
                .addException(IOException.class)
                .addStatement("return $T.readResource($T.class.getResourceAsStream(RESOURCE),$WRESOURCE,$W$T.class,$W"
                        + "$T::new)", READER, inference, inference, inference)
                .build());
        type.addMethod(MethodSpec.methodBuilder("load")
                .addJavadoc("Loads a packed model from {@code in}, which must hold exactly one and nothing after"
                        + " it; reads it to its\nend and leaves it open. Every value is checked against this"
                        + " network before it is used.\n\n@throws $T if it is not a complete, intact packed model"
                        + " of this network\n", INVALID_MODEL)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(inference)
                .addParameter(InputStream.class, "in")
                .addException(IOException.class)
                .addStatement("return $T.read(in, $T::new)", READER, inference)
                .build());
    }

    private void addPredict(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("predict")
                .addJavadoc("The predicted class of one sample's features, already preprocessed as the training"
                        + " network's inputs\nwere (for raw pixels use {@link #predictPixels}): the index of the"
                        + " largest score, the first one on ties.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addParameter(FLOATS, "features")
                .addStatement("return $T.argmax(scores(features))", PREDICTIONS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("predict")
                .addJavadoc("The predicted class of every sample of {@code batch}: the same classes as {@link"
                        + " #predict(float[])}\ngives one sample at a time, computed faster (see {@link"
                        + " #scores(float[][])}).\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(int[].class)
                .addParameter(float[][].class, "batch")
                .addStatement("return $T.argmax(scores(batch))", PREDICTIONS)
                .build());
        type.addMethod(MethodSpec.methodBuilder("predictPixels")
                .addJavadoc("The predicted class of an image given as raw unsigned bytes, 0 to 255 each, in the"
                        + " order of the\nfeatures: the packed model's input pipeline turns them into the features"
                        + " training saw.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addParameter(byte[].class, "unsignedPixels")
                .addStatement("return predict(pipeline.features(unsignedPixels))")
                .build());
        type.addMethod(MethodSpec.methodBuilder("pipeline")
                .addJavadoc("The preprocessing {@link #predictPixels} applies, with the values fitted in training"
                        + " (immutable).\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(PIPELINE)
                .addStatement("return pipeline")
                .build());
    }

    private void addClassName(TypeSpec.Builder type) {
        type.addMethod(MethodSpec.methodBuilder("className")
                .addJavadoc("The name of class {@code index} as the training data gave it (e.g."
                        + " {@code \"Ankle boot\"}), or the\nindex as text when the data named no classes.\n\n@throws"
                        + " $T unless {@code 0 <= index < CLASSES}\n", IndexOutOfBoundsException.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addParameter(TypeName.INT, "index")
                .addStatement("$T.checkIndex(index, CLASSES)", Objects.class)
                .addStatement("return classNames.length == 0 ? $T.toString(index) : classNames[index]",
                        Integer.class)
                .build());
    }

    private void addScores(TypeSpec.Builder type) {
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T.checkLength(features.length, INPUT_SIZE, $S)", PREDICTIONS, "features");
        String previous = "features";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            SourceLines.addComment(body, layer.summary());
            CodeBlock kernel = layer.isConv() ? ConvInferenceWriter.call(layer, previous)
                    : layer.binary()
                    ? CodeBlock.of("$T.$L($N,$W$N,$W$L,$W$N,$W$N)", DENSE, binaryKernel(layer), previous,
                            n.weights(), n.constant("WORDS"), scale(n), shift(n))
                    : CodeBlock.of("$T.fullPrecisionDense($N,$W$N,$W$N,$W$N)", DENSE, previous, n.weights(),
                            scale(n), shift(n));
            body.addStatement("float[] $N = $L", n.output(), kernel);
            if (layer.activation() == Nonlinearity.RELU) {
                body.addStatement("$T.relu($N)", DENSE, n.output());
            }
            previous = n.output();
        }
        type.addMethod(MethodSpec.methodBuilder("scores")
                .addJavadoc("The outputs of the last layer, one per class.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(FLOATS)
                .addParameter(FLOATS, "features")
                .addCode(body.build())
                .addStatement("return $N", previous)
                .build());
    }

    private void addBatchScores(TypeSpec.Builder type) {
        MethodSpec.Builder scores = MethodSpec.methodBuilder("scores")
                .addModifiers(Modifier.PUBLIC)
                .returns(float[][].class)
                .addParameter(float[][].class, "batch");
        if (model.hasConvLayers()) {
            type.addMethod(scores
                    .addJavadoc("The outputs of the last layer for every sample of {@code batch}, one row per"
                            + " sample, each computed by\n{@link #scores(float[])} on the threads of the common"
                            + " fork-join pool and the calling thread.\n")
                    .addStatement("return $T.oneAtATime(batch, INPUT_SIZE, this::scores)", PREDICTIONS)
                    .build());
            return;
        }
        type.addMethod(scores
                .addJavadoc("The outputs of the last layer for every sample of {@code batch}, one row per sample: bit"
                        + " for bit what\n{@link #scores(float[])} gives for each. Blocks of up to {@link"
                        + " #BATCH_BLOCK} samples go through the network\ntogether, with each layer's units spread"
                        + " over the threads of the common fork-join pool and the calling\nthread; a batch of fewer"
                        + " than {@link #MIN_BLOCK} samples is computed one sample at a time, on the same threads.\n")
                .addStatement("return $T.scores(batch, INPUT_SIZE, CLASSES, this::scores, this::blockScores)", BLOCK)
                .build());
        CodeBlock.Builder body = CodeBlock.builder();
        String previous = "features";
        for (LayerModel layer : layers) {
            LayerNames n = new LayerNames(layer.name());
            SourceLines.addComment(body, layer.summary());
            if (layer.binary()) {
                body.addStatement("float[][] $N = $T.$L($N,$W$N,$W$L,$W$N,$W$N,$W$L)", n.output(), BLOCK,
                        binaryKernel(layer), previous, n.weights(), n.constant("WORDS"), scale(n), shift(n),
                        activation(layer));
            } else {
                body.addStatement("float[][] $N = $T.fullPrecisionDense($N,$W$N,$W$N,$W$N,$W$L)", n.output(), BLOCK,
                        previous, n.weights(), scale(n), shift(n), activation(layer));
            }
            previous = n.output();
        }
        type.addMethod(MethodSpec.methodBuilder("blockScores")
                .addJavadoc("The last layer's outputs, {@code [class][sample]}, for a block of samples given"
                        + " input-major.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(float[][].class)
                .addParameter(float[][].class, "features")
                .addCode(body.build())
                .addStatement("return $N", previous)
                .build());
    }

    private static boolean usesLookup(LayerModel layer) {
        return layer.units() >= LOOKUP_MIN_UNITS;
    }

    private static String binaryKernel(LayerModel layer) {
        return usesLookup(layer) ? "binaryDenseByLookup" : "binaryDenseBySetBits";
    }
}
