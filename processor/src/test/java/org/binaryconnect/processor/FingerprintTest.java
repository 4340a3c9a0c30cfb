package org.binaryconnect.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Loss;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint follows the network's structure and nothing else: a summary can be reworded without orphaning a
 * trained model, and every structural field changes it.
 */
class FingerprintTest {

    /** Components that do not change what the trained state means: names, training settings, source text. */
    private static final Set<String> NOT_STRUCTURAL = Set.of("NetworkModel.packageName", "NetworkModel.specName",
            "NetworkModel.specQualifiedName", "NetworkModel.loss", "NetworkModel.evaluation",
            "NetworkModel.evaluationSamples", "NetworkModel.optimizer", "NetworkModel.training",
            "LayerModel.hExpression", "LayerModel.learningRateScale", "LayerModel.learningRateScaleExpression",
            "BatchNormModel.alpha");

    /**
     * Pinned: summaries and other display text are not hashed, so rewording {@link LayerModel#summary()} keeps this
     * value (and every trained model loadable). Change it only with a deliberate change of the encoding.
     */
    @Test
    void theFingerprintOfAFixedNetworkIsPinned() {
        assertEquals("6008c8fddf48cd64b898fea45a261759", Fingerprint.of(network()));
    }

    @Test
    void noDisplayTextIsHashed() {
        String encoding = new String(Fingerprint.structure(network()), StandardCharsets.ISO_8859_1);
        for (LayerModel layer : network().layers()) {
            assertFalse(encoding.contains(layer.summary()), layer.summary());
        }
        for (String word : List.of("dense", "conv ", "H=", "max-pool", "batch norm", "relu", "->")) {
            assertFalse(encoding.contains(word), word);
        }
    }

    @Test
    void everyStructuralFieldChangesIt() throws ReflectiveOperationException {
        NetworkModel network = network();
        String fingerprint = Fingerprint.of(network);
        Map<String, NetworkModel> changed = new LinkedHashMap<>();
        for (String component : components(NetworkModel.class)) {
            changed.put("NetworkModel." + component, with(network, component, null));
        }
        LayerModel conv = network.layers().get(0);
        for (String component : components(LayerModel.class)) {
            changed.put("LayerModel." + component, withLayer(network, 0, with(conv, component, null)));
        }
        ConvModel geometry = conv.conv().orElseThrow();
        for (String component : components(ConvModel.class)) {
            changed.put("ConvModel." + component, withLayer(network, 0, with(conv, "conv",
                    Optional.of(with(geometry, component, null)))));
        }
        ConvModel.PoolModel pool = geometry.pool().orElseThrow();
        for (String component : components(ConvModel.PoolModel.class)) {
            changed.put("PoolModel." + component, withLayer(network, 0, with(conv, "conv",
                    Optional.of(with(geometry, "pool", Optional.of(with(pool, component, null)))))));
        }
        BatchNormModel batchNorm = conv.batchNorm().orElseThrow();
        for (String component : components(BatchNormModel.class)) {
            changed.put("BatchNormModel." + component, withLayer(network, 0, with(conv, "batchNorm",
                    Optional.of(with(batchNorm, component, null)))));
        }
        changed.put("a second layer's dropout", withLayer(network, 1, with(network.layers().get(1), "dropout", 0.5)));

        Set<String> unchanged = new TreeSet<>();
        for (Map.Entry<String, NetworkModel> variant : changed.entrySet()) {
            if (Fingerprint.of(variant.getValue()).equals(fingerprint)) {
                unchanged.add(variant.getKey());
            }
        }
        assertEquals(new TreeSet<>(NOT_STRUCTURAL), unchanged);
    }

    @Test
    void aFullPrecisionLayersHIsNotPartOfIt() throws ReflectiveOperationException {
        NetworkModel network = network();
        LayerModel fullPrecision = with(network.layers().get(1), "binary", false);
        NetworkModel base = withLayer(network, 1, fullPrecision);
        assertEquals(Fingerprint.of(base), Fingerprint.of(withLayer(base, 1, with(fullPrecision, "h", 3.0))));
        assertNotEquals(Fingerprint.of(network), Fingerprint.of(base));
    }

    /** A binary conv layer with a pool and batch norm, then a binary dense layer with dropout. */
    static NetworkModel network() {
        ConvModel conv = new ConvModel(1, 28, 28, 8, 3, 1, Padding.SAME, 28, 28,
                Optional.of(new ConvModel.PoolModel(2, 2, 14, 14)));
        LayerModel convLayer = new LayerModel("conv1", 784, 1568, true, 0.5, "0.5", 2.0, "2.0",
                Optional.of(new BatchNormModel(0.1, 1e-4)), Nonlinearity.RELU, 0.0, Optional.of(conv));
        LayerModel output = new LayerModel("output", 1568, 10, true, 0.25, "0.25", 4.0, "4.0",
                Optional.of(new BatchNormModel(0.1, 1e-4)), Nonlinearity.IDENTITY, 0.2);
        return new NetworkModel("org.example", "Net", "org.example.Net", List.of(1, 28, 28), 10,
                Binarization.DETERMINISTIC, Loss.SQUARED_HINGE, EvaluationWeights.BINARY, 100,
                new OptimizerModel.Adam(0.9, 0.999, 1e-8), new TrainingModel(50, 10, 0.003, 2e-6, 5000, 1234L),
                List.of(convLayer, output));
    }

    private static NetworkModel withLayer(NetworkModel network, int index, LayerModel layer)
            throws ReflectiveOperationException {
        List<LayerModel> layers = new ArrayList<>(network.layers());
        layers.set(index, layer);
        return with(network, "layers", layers);
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** A copy of {@code record} with {@code component} set to {@code value}, or to another value when null. */
    @SuppressWarnings("unchecked")
    private static <R extends Record> R with(R record, String component, Object value)
            throws ReflectiveOperationException {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            components[i].getAccessor().setAccessible(true);
            values[i] = components[i].getAccessor().invoke(record);
            types[i] = components[i].getType();
            if (components[i].getName().equals(component)) {
                values[i] = value != null ? value : another(values[i]);
            }
        }
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return (R) canonical.newInstance(values);
    }

    private static Object another(Object value) {
        if (value instanceof Integer i) {
            return i + 1;
        } else if (value instanceof Long l) {
            return l + 1;
        } else if (value instanceof Double d) {
            return d.isNaN() ? 0.5 : d + 0.125;
        } else if (value instanceof Boolean b) {
            return !b;
        } else if (value instanceof String s) {
            return s + "x";
        } else if (value instanceof Enum<?> e) {
            Object[] constants = e.getDeclaringClass().getEnumConstants();
            return constants[(e.ordinal() + 1) % constants.length];
        } else if (value instanceof Optional<?> o) {
            return o.isPresent() ? Optional.empty() : Optional.of(new BatchNormModel(0.1, 1e-4));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Integer) {
            return List.of(1, 28, 29);
        } else if (value instanceof List<?> list) {
            return list.subList(0, 1);
        } else if (value instanceof OptimizerModel) {
            return new OptimizerModel.Sgd(0.9);
        } else if (value instanceof TrainingModel t) {
            return new TrainingModel(t.batchSize() + 1, t.epochs() + 1, 0.1, 0.01, 1, 1L);
        }
        throw new IllegalArgumentException("no other value for " + value);
    }
}
