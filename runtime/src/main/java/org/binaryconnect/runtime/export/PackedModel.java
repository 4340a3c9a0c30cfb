package org.binaryconnect.runtime.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.PoolShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained network reduced to what inference needs (the packed model format's content): binary layers as one
 * sign bit per weight, every layer's H, bias and batch norm folded into a per-unit (per-filter for a conv layer)
 * scale and shift, computed in
 * double and rounded to the format's f24 (float32 with 15 mantissa bits): the values here are exactly the values
 * the file holds, so the C export and the Java reader compute the same model. What the network predicts with
 * {@code EvaluationWeights.BINARY}, up to that rounding (relative 2^-16) and float rounding.
 */
public final class PackedModel {

    private final String name;
    private final String specClass;
    private final String fingerprint;
    private final int inputSize;
    private final int classes;
    private final List<PackedLayer> layers;
    private final InputPipeline pipeline;
    private final List<String> classNames;

    PackedModel(String name, String specClass, String fingerprint, int inputSize, int classes,
            List<PackedLayer> layers, InputPipeline pipeline, List<String> classNames) {
        if (pipeline.features() != inputSize) {
            throw new ExportException(name + " takes " + inputSize + " inputs but its model records an input pipeline"
                    + " of " + pipeline.features() + " features: train the network again.");
        }
        if (!classNames.isEmpty() && classNames.size() != classes) {
            throw new ExportException(name + " predicts " + classes + " classes but its model names "
                    + classNames.size() + ": train the network again with one class name per class.");
        }
        this.pipeline = pipeline;
        this.classNames = List.copyOf(classNames);
        this.name = name;
        this.specClass = specClass;
        this.fingerprint = fingerprint;
        this.inputSize = inputSize;
        this.classes = classes;
        this.layers = List.copyOf(layers);
    }

    /**
     * Packs {@code network}'s current state, for features that are bytes scaled to [-1, 1] and unnamed classes: for
     * tests and hand-built networks; a trained model's pipeline and names come with
     * {@link #of(TrainableNetwork, InputPipeline, List)}.
     *
     * @throws ExportException when a state array is missing or misshapen, or a value is not finite
     */
    public static PackedModel of(TrainableNetwork network) {
        return of(network, InputPipeline.scaling(network.description().inputSize(), -1f, 1f), List.of());
    }

    /**
     * Packs {@code network}'s current state with the input pipeline its features came from and its class names
     * (empty when unknown), as the model file records them.
     *
     * @throws ExportException when a state array is missing or misshapen, a value is not finite, or the pipeline or
     *     the names do not fit the network
     */
    public static PackedModel of(TrainableNetwork network, InputPipeline pipeline, List<String> classNames) {
        NetworkDescription description = network.description();
        Map<String, INDArray> state = new HashMap<>();
        for (NamedArray array : network.state()) {
            state.put(array.name(), array.array());
        }
        List<PackedLayer> layers = new ArrayList<>();
        for (LayerDescription layer : description.layers()) {
            layers.add(pack(layer, state, description.name()));
        }
        return new PackedModel(description.name(), description.specClass(), description.fingerprint(),
                description.inputSize(), description.classes(), layers, pipeline, classNames);
    }

    private static PackedLayer pack(LayerDescription layer, Map<String, INDArray> state, String network) {
        // a conv layer packs as a dense layer over one receptive field: fan-in inputs, one unit per filter
        int inputs = layer.convolution().map(ConvShape::fanIn).orElse(layer.inputs());
        int units = layer.convolution().map(ConvShape::filters).orElse(layer.units());
        double h = layer.binary() ? layer.h() : 1.0;
        if (layer.isConv()) {
            checkConv(layer, network);
        }
        double[] w = values(state, network, layer.name() + ".W", (long) inputs * units);
        double[] b = values(state, network, layer.name() + ".b", units);
        float[] scale = new float[units];
        float[] shift = new float[units];
        if (layer.batchNorm()) {
            double[] gamma = values(state, network, layer.name() + ".gamma", units);
            double[] beta = values(state, network, layer.name() + ".beta", units);
            double[] mean = values(state, network, layer.name() + ".runningMean", units);
            double[] std = values(state, network, layer.name() + ".runningStd", units);
            for (int j = 0; j < units; j++) {
                // the authors' batch norm divides by std + epsilon, not sqrt(var + epsilon)
                double inverse = 1.0 / (std[j] + layer.batchNormEpsilon());
                scale[j] = PackedFormat.roundToF24((float) (gamma[j] * h * inverse));
                shift[j] = PackedFormat.roundToF24((float) (gamma[j] * (b[j] - mean[j]) * inverse + beta[j]));
            }
        } else {
            for (int j = 0; j < units; j++) {
                scale[j] = PackedFormat.roundToF24((float) h);
                shift[j] = PackedFormat.roundToF24((float) b[j]);
            }
        }
        checkFinite(scale, network, layer.name(), "scale");
        checkFinite(shift, network, layer.name(), "shift");
        // A dense W is [inputs, units] in C order: W[i][j] at i * units + j; the format stores it unit-major. A
        // conv W is [filters, fanIn], unit-major already.
        int rowStride = layer.isConv() ? 1 : units;
        int columnStride = layer.isConv() ? inputs : 1;
        if (layer.binary()) {
            int words = PackedFormat.words(inputs);
            long[] bits = new long[units * words];
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < units; j++) {
                    double value = w[i * rowStride + j * columnStride];
                    if (Double.isNaN(value)) {
                        throw notFinite(network, layer.name() + ".W");
                    }
                    // + 0.0 turns -0.0 into +0.0, as Binarize.deterministic does: W >= 0 is +H
                    if (value + 0.0 >= 0) {
                        bits[j * words + i / 64] |= 1L << (i % 64);
                    }
                }
            }
            return new PackedLayer(layer.name(), true, inputs, units, layer.activation(), (float) h, bits, null,
                    scale, shift, layer.convolution(), layer.pool());
        }
        float[] weights = new float[units * inputs];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < units; j++) {
                weights[j * inputs + i] = (float) w[i * rowStride + j * columnStride];
            }
        }
        checkFinite(weights, network, layer.name(), "W");
        return new PackedLayer(layer.name(), false, inputs, units, layer.activation(), 1f, null, weights, scale,
                shift, layer.convolution(), layer.pool());
    }

    /**
     * Checks what the format's conv semantics rely on: the flattened sizes agree with the geometry, and H is
     * positive, so that the max-pool of the raw sums is the max-pool of the trained network's {@code H * sum + b}
     * (scale and shift, which may be negative with batch norm's gamma, are applied after the pool).
     */
    private static void checkConv(LayerDescription layer, String network) {
        ConvShape conv = layer.convolution().orElseThrow();
        int output = layer.pool().map(PoolShape::outputSize).orElse(conv.outputSize());
        if (layer.inputs() != conv.inputSize() || layer.units() != output) {
            throw new ExportException(network + "'s layer " + layer.name() + " is described as " + layer.inputs()
                    + " -> " + layer.units() + " values but its convolution reads " + conv.inputSize() + " and writes "
                    + output + ": the generated class does not match this runtime; recompile the project.");
        }
        if (layer.pool().isPresent() && layer.pool().get().channels() != conv.filters()) {
            throw new ExportException(network + "'s layer " + layer.name() + " pools " + layer.pool().get().channels()
                    + " channels after a convolution of " + conv.filters() + " filters: the generated class does not"
                    + " match this runtime; recompile the project.");
        }
        if (layer.binary() && !(layer.h() > 0)) {
            throw new ExportException(network + "'s layer " + layer.name() + " has H = " + layer.h() + ": the packed"
                    + " format max-pools a binary convolution's sums before scaling them by H, which needs H > 0;"
                    + " declare a positive h.");
        }
    }

    /** The elements of state array {@code name} in C order, checked to number {@code expected}. */
    private static double[] values(Map<String, INDArray> state, String network, String name, long expected) {
        INDArray array = state.get(name);
        if (array == null) {
            throw new ExportException(network + " has no state array " + name + ", which its description "
                    + "declares: the generated class does not match this runtime; recompile the project.");
        }
        if (array.length() != expected) {
            throw new ExportException(network + "'s state array " + name + " has shape "
                    + Arrays.toString(array.shape()) + " (" + array.length() + " values) where its description "
                    + "needs " + expected + ": the generated class does not match this runtime; recompile the "
                    + "project.");
        }
        // a fresh C-order copy: the state array may be a view, and asDouble() reads the whole buffer
        return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static void checkFinite(float[] values, String network, String layer, String what) {
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw notFinite(network, layer + "." + what);
            }
        }
    }

    private static ExportException notFinite(String network, String what) {
        return new ExportException(network + "'s " + what + " holds a value that is not a finite number: the "
                + "model diverged or is damaged; train it again with a lower learning rate.");
    }

    /** The spec's simple name, e.g. {@code FashionMlp}. */
    public String name() {
        return name;
    }

    /** The spec's fully qualified name: the packed resource goes into its package. */
    public String specClass() {
        return specClass;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public int inputSize() {
        return inputSize;
    }

    public int classes() {
        return classes;
    }

    List<PackedLayer> layers() {
        return layers;
    }

    /** What turns a raw sample into this network's features: the packed file and the C export carry it. */
    public InputPipeline pipeline() {
        return pipeline;
    }

    /** The classes' names in label order; empty when the training data named none. */
    public List<String> classNames() {
        return classNames;
    }

    /** The size of the layers' weights as float32 arrays: what the packed model is measured against. */
    public long float32WeightBytes() {
        return layers.stream().mapToLong(layer -> 4L * layer.inputs() * layer.units()).sum();
    }

    /** The classpath resource the generated inference class reads, e.g. {@code com/example/FashionMlp.bcpk}. */
    public String resourcePath() {
        int dot = specClass.lastIndexOf('.');
        String directory = dot < 0 ? "" : specClass.substring(0, dot).replace('.', '/') + "/";
        return directory + name + PackedFormat.EXTENSION;
    }
}
