package org.binaryconnect.runtime.report;

import org.binaryconnect.runtime.io.JsonWriter;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.run.ConfusionMatrix;
import org.binaryconnect.runtime.run.EpochResult;
import org.binaryconnect.runtime.run.TrainingConfig;

/**
 * {@code metrics.json}: the whole run for programs (metrics.csv holds the epochs for spreadsheets): the network, the
 * configuration, the best epoch and the run's totals, every epoch, and the test evaluation of the model. Names
 * follow {@code evaluation.json} (camelCase); accuracies without samples are {@code null}.
 *
 * <p>{@code validationBinaryAccuracy} and {@code testBinaryAccuracy} (of the best epoch and of each epoch) are measured
 * with deterministic binary weights, what export ships; {@code binaryAccuracyApart} says whether that was a
 * measurement of its own (false: the evaluation weights are binary, and they are the same figures).
 *
 * <p>{@code summary} is {@link NetworkSummary}: per layer its kind, output shape, parameters, bytes and
 * multiply-accumulates, then the {@code total} of each and the binarized shares.
 *
 * <p>Where the data names its classes, {@code classNames} holds the names in class order and each class of
 * {@code test} its {@code name}; without names both are left out, and the file is as it always was.
 */
final class MetricsJson {

    private MetricsJson() {
    }

    static String render(ReportInputs inputs) {
        JsonWriter json = new JsonWriter().beginObject();
        network(json.name("network"), inputs.network());
        configuration(json.name("configuration"), inputs.config());
        EpochResult best = inputs.best();
        json.name("best").beginObject()
                .member("epoch", best.epoch())
                .member("validationAccuracy", best.validationAccuracy())
                .member("testAccuracy", best.testAccuracy())
                .member("validationBinaryAccuracy", best.validationBinaryAccuracy())
                .member("testBinaryAccuracy", best.testBinaryAccuracy())
                .endObject();
        json.member("binaryAccuracyApart", inputs.binaryApart());
        json.member("totalSeconds", inputs.totalSeconds());
        json.member("samplesPerSecond", inputs.samplesPerSecond());
        json.name("epochs").beginArray();
        for (EpochResult epoch : inputs.epochs()) {
            json.beginObject()
                    .member("epoch", epoch.epoch())
                    .member("learningRate", epoch.learningRate())
                    .member("trainLoss", epoch.trainLoss())
                    .member("validationAccuracy", epoch.validationAccuracy())
                    .member("testAccuracy", epoch.testAccuracy())
                    .member("seconds", epoch.seconds())
                    .member("samplesPerSecond", epoch.samplesPerSecond())
                    .member("validationBinaryAccuracy", epoch.validationBinaryAccuracy())
                    .member("testBinaryAccuracy", epoch.testBinaryAccuracy())
                    .endObject();
        }
        json.endArray();
        if (!inputs.classNames().isEmpty()) {
            json.name("classNames").beginArray();
            for (String name : inputs.classNames()) {
                json.value(name);
            }
            json.endArray();
        }
        test(json.name("test"), inputs);
        summary(json.name("summary"), NetworkSummary.of(inputs.network()));
        return json.endObject().toString();
    }

    /** The per-layer summary, as {@code mvn binaryconnect:summary} prints it, with its totals and shares. */
    private static void summary(JsonWriter json, NetworkSummary summary) {
        json.beginObject();
        json.name("layers").beginArray();
        for (NetworkSummary.Row row : summary.layers()) {
            summaryRow(json.beginObject().member("name", row.name()).member("kind", row.kind())
                    .member("outputShape", row.outputShape()), row);
        }
        json.endArray();
        summaryRow(json.name("total").beginObject(), summary.total());
        json.member("binaryParameterShare", summary.binaryParameterShare())
                .member("binaryMacShare", summary.binaryMacShare())
                .member("packedFileBytes", summary.packedFileBytes())
                .member("compressionAgainstFloat32", summary.compression())
                .endObject();
    }

    private static void summaryRow(JsonWriter json, NetworkSummary.Row row) {
        json.member("binaryParameters", row.binaryParameters())
                .member("floatParameters", row.floatParameters())
                .member("packedBytes", row.packedBytes())
                .member("float32Bytes", row.float32Bytes())
                .member("binaryMacs", row.binaryMacs())
                .member("floatMacs", row.floatMacs())
                .endObject();
    }

    private static void network(JsonWriter json, NetworkDescription network) {
        json.beginObject()
                .member("name", network.name())
                .member("specClass", network.specClass())
                .member("fingerprint", network.fingerprint());
        json.name("inputShape").inlineArray(network.inputShape().stream().mapToLong(Integer::longValue).toArray())
                .member("classes", network.classes())
                .member("batchSize", network.batchSize())
                .member("binarization", network.binarization().name())
                .member("loss", network.loss().name())
                .member("evaluation", network.evaluation().name())
                .member("evaluationSamples", network.evaluationSamples())
                .member("optimizer", network.optimizer());
        json.name("layers").beginArray();
        for (LayerDescription layer : network.layers()) {
            json.beginObject()
                    .member("name", layer.name())
                    .member("inputs", layer.inputs())
                    .member("units", layer.units())
                    .member("binary", layer.binary())
                    .member("h", layer.h())
                    .member("batchNorm", layer.batchNorm())
                    .member("batchNormEpsilon", layer.batchNormEpsilon())
                    .member("activation", layer.activation().name())
                    .member("dropout", layer.dropout())
                    .member("summary", layer.summary())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void configuration(JsonWriter json, TrainingConfig config) {
        json.beginObject()
                .member("epochs", config.epochs())
                .member("learningRateStart", config.learningRateStart())
                .member("learningRateEnd", config.learningRateEnd())
                .member("validationSamples", config.validationSamples())
                .member("seed", config.seed())
                .member("outputDirectory", config.outputDirectory().toString())
                .endObject();
    }

    private static void test(JsonWriter json, ReportInputs inputs) {
        ConfusionMatrix matrix = inputs.test();
        json.beginObject()
                .member("samples", matrix.total())
                .member("correct", matrix.correct())
                .member("accuracy", matrix.accuracy());
        json.name("classes").beginArray();
        for (int c = 0; c < matrix.classes(); c++) {
            json.beginObject().member("class", c);
            if (!inputs.classNames().isEmpty()) {
                json.member("name", inputs.classLabel(c));
            }
            json.member("samples", matrix.samples(c))
                    .member("correct", matrix.count(c, c))
                    .member("accuracy", matrix.classAccuracy(c))
                    .endObject();
        }
        json.endArray();
        json.name("confusionMatrix").beginArray();
        for (int t = 0; t < matrix.classes(); t++) {
            long[] row = new long[matrix.classes()];
            for (int p = 0; p < row.length; p++) {
                row[p] = matrix.count(t, p);
            }
            json.inlineArray(row);
        }
        json.endArray().endObject();
    }
}
