package org.binaryconnect.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;

/**
 * Reads one {@code @Network} class into a {@link NetworkModel}: validates every annotation value, reporting each
 * problem on the value that causes it, and infers the layer shapes.
 */
final class NetworkDeclaration {

    private static final String DSL = "org.binaryconnect.dsl.";

    private final Elements elements;
    private final Types types;

    NetworkDeclaration(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The model of {@code spec}, or empty after reporting every error found to {@code messager}. */
    Optional<NetworkModel> read(TypeElement spec, Messager messager) {
        Diagnostics diagnostics = new Diagnostics();
        NetworkModel model;
        try {
            model = read(spec, diagnostics);
        } catch (AnnotationValues.UnreadableValueException e) {
            e.report(diagnostics);
            model = null;
        }
        diagnostics.printTo(messager);
        return diagnostics.hasErrors() ? Optional.empty() : Optional.of(model);
    }

    /** The model, or null when it cannot be read at all; meaningful only if {@code diagnostics} has no errors. */
    private NetworkModel read(TypeElement spec, Diagnostics diagnostics) {
        AnnotationValues network = annotation(spec, "Network").orElseThrow();
        if (spec.getKind() != ElementKind.CLASS) {
            diagnostics.error(spec, "@Network must annotate a class whose fields are the layers, not a "
                    + spec.getKind().toString().toLowerCase(Locale.ROOT));
            return null;
        }
        int[] input = network.intArrayValue("input");
        long inputSize = Arrays.stream(input).asLongStream().reduce(1, (a, b) -> a * b);
        if (input.length == 0) {
            diagnostics.error(network, "input", "input must have at least one dimension, e.g. {784} or {28, 28, 1}");
        } else if (Arrays.stream(input).anyMatch(d -> d <= 0)) {
            diagnostics.error(network, "input", "input dimensions must be > 0, got " + Arrays.toString(input));
        } else if (inputSize > Integer.MAX_VALUE) {
            diagnostics.error(network, "input", "input " + Arrays.toString(input) + " has more than 2^31 features");
        }
        int classes = network.intValue("classes");
        if (classes < 2) {
            diagnostics.error(network, "classes", "classes must be >= 2, got " + classes);
        }
        Binarization binarization = network.enumValue("binarization", Binarization.class);
        ScaleSetting h = ScaleSetting.parse(network.stringValue("h"));
        if (h == null) {
            diagnostics.error(network, "h", "h (the binary weight magnitude H) must be a number > 0 or \"Glorot\", got \""
                    + network.stringValue("h") + "\"");
        }
        ScaleSetting lrScale = ScaleSetting.parse(network.stringValue("wLrScale"));
        if (lrScale == null) {
            diagnostics.error(network, "wLrScale", "wLrScale must be a number > 0 or \"Glorot\", got \""
                    + network.stringValue("wLrScale") + "\"");
        }
        int evaluationSamples = network.intValue("evaluationSamples");
        if (evaluationSamples < 1) {
            diagnostics.error(network, "evaluationSamples", "evaluationSamples must be >= 1, got " + evaluationSamples);
        }

        List<LayerModel> layers = readLayers(spec, input, (int) Math.min(inputSize, Integer.MAX_VALUE), binarization,
                h == null ? ScaleSetting.GLOROT : h, lrScale == null ? ScaleSetting.GLOROT : lrScale, classes,
                network, diagnostics);

        EvaluationWeights evaluation = network.enumValue("evaluation", EvaluationWeights.class);
        boolean anyBinary = layers.stream().anyMatch(LayerModel::binary);
        if (evaluation == EvaluationWeights.AUTO) {
            evaluation = binarization == Binarization.DETERMINISTIC && anyBinary
                    ? EvaluationWeights.BINARY : EvaluationWeights.REAL;
        } else if (!anyBinary && evaluation != EvaluationWeights.REAL && !layers.isEmpty()) {
            diagnostics.error(network, "evaluation", "evaluation = " + evaluation
                    + " needs binary layers, but no layer is binarized: use REAL or AUTO");
        }
        return new NetworkModel(elements.getPackageOf(spec).getQualifiedName().toString(),
                spec.getSimpleName().toString(), spec.getQualifiedName().toString(),
                Arrays.stream(input).boxed().toList(), classes, binarization,
                network.enumValue("loss", Loss.class), evaluation, evaluationSamples, readOptimizer(spec, diagnostics),
                readTraining(spec, diagnostics), layers);
    }

    private List<LayerModel> readLayers(TypeElement spec, int[] input, int inputSize, Binarization binarization,
            ScaleSetting h, ScaleSetting lrScale, int classes, AnnotationValues network, Diagnostics diagnostics) {
        TypeMirror layerType = elements.getTypeElement(DSL + "Layer").asType();
        List<LayerModel> layers = new ArrayList<>();
        AnnotationValues lastLayer = null;
        String lastDense = null;
        int inputs = inputSize;
        // the shape convolutions see: the declared input's until a dense layer flattens it; empty once unknown
        Optional<ConvDeclaration.Shape> spatial = ConvDeclaration.inputShape(input);
        // an invalid input has its own error already: convolutions over it report nothing more
        boolean shapeKnown = Arrays.stream(input).allMatch(d -> d > 0);
        for (Element member : spec.getEnclosedElements()) {
            if (member.getKind() != ElementKind.FIELD) {
                continue;
            }
            VariableElement field = (VariableElement) member;
            Optional<AnnotationValues> dense = annotation(field, "Dense");
            Optional<AnnotationValues> conv = annotation(field, "Conv2D");
            Optional<AnnotationValues> pool = annotation(field, "MaxPool");
            Optional<AnnotationValues> batchNorm = annotation(field, "BatchNorm");
            Optional<AnnotationValues> activation = annotation(field, "Activation");
            Optional<AnnotationValues> dropout = annotation(field, "Dropout");
            boolean declaredAsLayer = field.asType().getKind() != TypeKind.ERROR
                    && types.isSameType(field.asType(), layerType);
            boolean hasLayerAnnotation = dense.isPresent() || conv.isPresent() || pool.isPresent()
                    || batchNorm.isPresent() || activation.isPresent() || dropout.isPresent();
            if (!declaredAsLayer && !hasLayerAnnotation) {
                continue;
            }
            String name = field.getSimpleName().toString();
            if (dense.isEmpty() && conv.isEmpty()) {
                diagnostics.error(field, "layer " + name + " needs @Dense(units = ...) or @Conv2D(filters = ...,"
                        + " kernel = ...): every layer field starts with its dense or convolution layer, then"
                        + " optional @MaxPool (convolutions), @BatchNorm, @Activation and @Dropout");
                continue;
            }
            if (dense.isPresent() && conv.isPresent()) {
                diagnostics.error(conv.get(), "layer " + name + " has both @Dense and @Conv2D: a layer field is one"
                        + " or the other");
                continue;
            }
            if (dense.isPresent() && pool.isPresent()) {
                diagnostics.error(pool.get(), "@MaxPool belongs on a @Conv2D layer, but layer " + name
                        + " is dense");
                continue;
            }
            if (!declaredAsLayer && field.asType().getKind() != TypeKind.ERROR) {
                diagnostics.error(field, "layer " + name + " must be declared with type org.binaryconnect.dsl.Layer,"
                        + " not " + field.asType());
            }
            Optional<BatchNormModel> bn = batchNorm.map(b -> readBatchNorm(b, name, diagnostics));
            Nonlinearity nonlinearity = activation.map(a -> a.enumValue("value", Nonlinearity.class))
                    .orElse(Nonlinearity.IDENTITY);
            double rate = dropout.map(dr -> readDropout(dr, name, diagnostics)).orElse(0.0);
            if (conv.isPresent()) {
                AnnotationValues c = conv.get();
                lastLayer = c;
                if (!shapeKnown) {
                    continue;
                }
                if (spatial.isEmpty()) {
                    diagnostics.error(c, lastDense != null
                            ? "layer " + name + ": @Conv2D after the dense layer " + lastDense + ", which flattens its"
                                    + " input: convolutions must come before every dense layer"
                            : "layer " + name + ": @Conv2D needs an input of {height, width, channels}, but the"
                                    + " network's input is " + Arrays.toString(input));
                    shapeKnown = false;
                    continue;
                }
                Optional<ConvModel> model = ConvDeclaration.read(name, c, pool, spatial.get(), diagnostics);
                if (model.isEmpty()) {
                    shapeKnown = false;
                    continue;
                }
                ConvModel m = model.get();
                boolean binary = binarization != Binarization.NONE && c.booleanValue("binary");
                int units = (int) m.outputSize();
                layers.add(new LayerModel(name, m.inputSize(), units, binary, h.asH(m.fanIn(), m.fanOut()),
                        h.asHExpression(m.fanIn(), m.fanOut()), lrScale.asLearningRateScale(m.fanIn(), m.fanOut()),
                        lrScale.asLearningRateScaleExpression(m.fanIn(), m.fanOut()), bn, nonlinearity, rate,
                        model));
                spatial = Optional.of(new ConvDeclaration.Shape(m.filters(), m.finalHeight(), m.finalWidth()));
                inputs = units;
                continue;
            }
            AnnotationValues d = dense.get();
            int units = d.intValue("units");
            if (units <= 0) {
                diagnostics.error(d, "units", "units must be > 0, got " + units + " (layer " + name + ")");
            } else if ((long) inputs * units > Integer.MAX_VALUE) {
                diagnostics.error(d, "units", "layer " + name + " would have " + inputs + " x " + units
                        + " weights, more than 2^31: use fewer units");
            }
            boolean binary = binarization != Binarization.NONE && d.booleanValue("binary");
            LayerModel layer = new LayerModel(name, inputs, units, binary, h.asH(inputs, units),
                    h.asHExpression(inputs, units), lrScale.asLearningRateScale(inputs, units),
                    lrScale.asLearningRateScaleExpression(inputs, units), bn, nonlinearity, rate);
            layers.add(layer);
            lastLayer = d;
            lastDense = name;
            spatial = Optional.empty();
            inputs = Math.max(units, 1);
        }
        if (lastLayer == null) {
            diagnostics.error(network, "network " + spec.getSimpleName() + " declares no layers: add fields such as"
                    + " `@Dense(units = " + Math.max(classes, 2) + ") Layer output;`");
        } else if (lastLayer.mirror().getAnnotationType().asElement().getSimpleName().contentEquals("Conv2D")) {
            diagnostics.error(lastLayer, "the last layer must be @Dense(units = " + classes + "), one unit per"
                    + " class, not a convolution");
        } else if (lastLayer.intValue("units") != classes && lastLayer.intValue("units") > 0) {
            diagnostics.error(lastLayer, "units", "the last layer, " + layers.get(layers.size() - 1).name()
                    + ", has " + lastLayer.intValue("units") + " units but the network declares classes = " + classes
                    + ": they must be equal");
        }
        return layers;
    }

    private static BatchNormModel readBatchNorm(AnnotationValues bn, String layer, Diagnostics diagnostics) {
        double alpha = bn.doubleValue("alpha");
        double epsilon = bn.doubleValue("epsilon");
        if (!(alpha > 0 && alpha <= 1)) {
            diagnostics.error(bn, "alpha", "batch norm alpha must be in (0, 1], got " + alpha + " (layer " + layer + ")");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            diagnostics.error(bn, "epsilon", "batch norm epsilon must be > 0, got " + epsilon + " (layer " + layer + ")");
        }
        return new BatchNormModel(alpha, epsilon);
    }

    private static double readDropout(AnnotationValues dropout, String layer, Diagnostics diagnostics) {
        double rate = dropout.doubleValue("value");
        if (!(rate >= 0 && rate < 1)) {
            diagnostics.error(dropout, "value", "dropout rate must be in [0, 1), got " + rate + " (layer " + layer + ")");
        }
        return rate;
    }

    private OptimizerModel readOptimizer(TypeElement spec, Diagnostics diagnostics) {
        Optional<AnnotationValues> adam = annotation(spec, "Adam");
        Optional<AnnotationValues> sgd = annotation(spec, "Sgd");
        if (adam.isPresent() && sgd.isPresent()) {
            diagnostics.error(sgd.get(), "@Adam and @Sgd are both present: keep the one optimizer to train with");
        }
        if (sgd.isPresent()) {
            double momentum = sgd.get().doubleValue("momentum");
            if (!(momentum >= 0 && momentum < 1)) {
                diagnostics.error(sgd.get(), "momentum", "momentum must be in [0, 1), got " + momentum);
            }
            return new OptimizerModel.Sgd(momentum);
        }
        if (adam.isEmpty()) {
            return new OptimizerModel.Adam(0.9, 0.999, 1e-8);
        }
        AnnotationValues a = adam.get();
        for (String beta : List.of("beta1", "beta2")) {
            double value = a.doubleValue(beta);
            if (!(value >= 0 && value < 1)) {
                diagnostics.error(a, beta, beta + " must be in [0, 1), got " + value);
            }
        }
        if (!(a.doubleValue("epsilon") > 0)) {
            diagnostics.error(a, "epsilon", "Adam epsilon must be > 0, got " + a.doubleValue("epsilon"));
        }
        return new OptimizerModel.Adam(a.doubleValue("beta1"), a.doubleValue("beta2"), a.doubleValue("epsilon"));
    }

    private TrainingModel readTraining(TypeElement spec, Diagnostics diagnostics) {
        Optional<AnnotationValues> declared = annotation(spec, "Training");
        if (declared.isEmpty()) {
            return new TrainingModel(100, 250, 1e-3, 3e-6, 10000, 1234);
        }
        AnnotationValues t = declared.get();
        for (String positive : List.of("batchSize", "epochs")) {
            if (t.intValue(positive) < 1) {
                diagnostics.error(t, positive, positive + " must be >= 1, got " + t.intValue(positive));
            }
        }
        for (String rate : List.of("learningRateStart", "learningRateEnd")) {
            double value = t.doubleValue(rate);
            if (!(value > 0) || Double.isInfinite(value)) {
                diagnostics.error(t, rate, rate + " must be > 0, got " + value);
            }
        }
        if (t.intValue("validationSamples") < 0) {
            diagnostics.error(t, "validationSamples", "validationSamples must be >= 0, got "
                    + t.intValue("validationSamples"));
        }
        return new TrainingModel(t.intValue("batchSize"), t.intValue("epochs"), t.doubleValue("learningRateStart"),
                t.doubleValue("learningRateEnd"), t.intValue("validationSamples"), t.longValue("seed"));
    }

    private Optional<AnnotationValues> annotation(Element element, String simpleName) {
        return AnnotationValues.find(element, DSL + simpleName, elements);
    }
}
