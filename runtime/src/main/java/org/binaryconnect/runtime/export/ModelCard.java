package org.binaryconnect.runtime.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.nio.ByteBuffer;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.io.JsonWriter;

/**
 * {@code <Spec>.model-card.json}, written beside the packed model (so it lands in the jar with it): which network
 * shipped, measured on which data, with what accuracy. It is written last, after the packed model and the C files,
 * and only describes a packed model whose check passed or says that none was made; an export that fails writes
 * none, and removes an earlier one before it replaces the packed model it described.
 *
 * @param packedResource the packed model's path under the classes directory, e.g. {@code com/example/Mlp.bcpk}
 * @param dataset null when nothing was verified
 * @param pipeline the input pipeline the model records (what {@code predictPixels} applies), with its fitted values
 * @param classNames the names the model records, in label order; empty when the data named none
 */
record ModelCard(String network, String specClass, String fingerprint, String projectVersion, String packedResource,
        long packedBytes, String packedSha256, DatasetFiles dataset, InputPipeline pipeline, List<String> classNames,
        Verification verification) {

    /** The card's own format: a reader can tell a later layout from this one. */
    static final int FORMAT_VERSION = 1;
    static final String SUFFIX = ".model-card.json";

    /**
     * The data the model was checked on, named without the build machine's paths, so that the card (and the jar)
     * is the same wherever the same model is exported: the digests say which data it was.
     *
     * @param name the dataset's name ({@code fashion-mnist}), or the last element of its path ({@code data})
     * @param files the files read, each with its SHA-256
     */
    record DatasetFiles(String name, List<DataFile> files) {
        DatasetFiles {
            files = List.copyOf(files);
        }

        static DatasetFiles of(String source, List<Path> files) throws IOException {
            List<DataFile> digested = new ArrayList<>();
            for (Path file : files.stream().sorted().toList()) {
                digested.add(new DataFile(file.getFileName().toString(), Files.size(file), FileDigests.sha256(file)));
            }
            Path path = Path.of(source).getFileName();
            return new DatasetFiles(path == null ? source : path.toString(), digested);
        }
    }

    record DataFile(String name, long bytes, String sha256) {
    }

    ModelCard {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(verification, "verification");
        classNames = List.copyOf(classNames);
    }

    /** {@code com/example/Mlp.bcpk} -> {@code com/example/Mlp.model-card.json}: one card per network, even where
     * several networks share a package. */
    static String resourcePathFor(String packedResource) {
        return packedResource.substring(0, packedResource.length() - PackedFormat.EXTENSION.length()) + SUFFIX;
    }

    /**
     * The steps as a user writes them, e.g. {@code scale-1-1,gcn,zca} ({@code authors-cifar10} spelled out); a scaling
     * other than the two named ones as {@code scale-<low>-<high>}.
     */
    static String steps(InputPipeline pipeline) {
        List<String> steps = new ArrayList<>();
        float low = pipeline.low();
        float high = pipeline.high();
        steps.add(low == 0f && high == 1f ? "scale-0-1" : low == -1f && high == 1f ? "scale-1-1"
                : "scale-" + low + "-" + high);
        if (pipeline.contrastNormalization()) {
            steps.add("gcn");
        }
        if (pipeline.centering()) {
            steps.add("center");
        }
        if (pipeline.whitening()) {
            steps.add("zca");
        }
        return String.join(",", steps);
    }

    void write(Path file) throws IOException {
        AtomicFiles.writeString(file, json());
    }

    String json() {
        JsonWriter json = new JsonWriter().beginObject()
                .member("modelCardVersion", FORMAT_VERSION)
                .name("network").beginObject()
                .member("name", network)
                .member("specClass", specClass)
                .member("fingerprint", fingerprint)
                .endObject()
                .member("projectVersion", projectVersion)
                .name("packedModel").beginObject()
                .member("resource", packedResource)
                .member("bytes", packedBytes)
                .member("sha256", packedSha256)
                .endObject();
        json.name("dataset");
        if (dataset == null) {
            json.value((String) null);
        } else {
            json.beginObject()
                    .member("name", dataset.name())
                    .name("files").beginArray();
            for (DataFile file : dataset.files()) {
                json.beginInlineObject().member("name", file.name()).member("bytes", file.bytes())
                        .member("sha256", file.sha256()).endObject();
            }
            json.endArray().endObject();
        }
        // the fitted values themselves are in the packed model (the ZCA matrix of CIFAR-10 is 36 MiB): the card names
        // them by digest, so two cards tell whether their models prepare pixels alike
        json.name("preprocessing").beginObject()
                .member("steps", steps(pipeline))
                .member("features", pipeline.features())
                .name("scaling").beginInlineObject().member("byte0", pipeline.low()).member("byte255", pipeline.high())
                .endObject();
        if (pipeline.contrastNormalization()) {
            json.member("contrastNormalizationScale", pipeline.contrastScale());
        }
        if (pipeline.centering()) {
            json.member("centeringMeansSha256", FileDigests.sha256(floatBytes(pipeline.centeringMeans())));
        }
        if (pipeline.whitening()) {
            json.member("whiteningMeanSha256", FileDigests.sha256(doubleBytes(pipeline.whiteningMean())))
                    .member("whiteningMatrixSha256", FileDigests.sha256(floatBytes(pipeline.whiteningMatrix())));
        }
        json.endObject();
        json.name("classNames").beginArray();
        for (String name : classNames) {
            json.value(name);
        }
        json.endArray();
        json.name("verification").beginObject().member("verified", verification.verified());
        if (verification.verified()) {
            json.member("testSamples", verification.samples())
                    .member("shippedAccuracy", verification.shippedAccuracy())
                    .member("trainedBinaryAccuracy", verification.trainedBinaryAccuracy())
                    .member("evaluationWeights", verification.evaluationWeights().name());
            if (verification.evaluatedOtherWeights()) {
                json.member("evaluationWeightsAccuracy", verification.evaluationAccuracy());
            }
            json.member("tiesPredictedDifferently", verification.ties());
        } else {
            json.member("reason", verification.reason());
        }
        return json.endObject().endObject().toString();
    }

    /** Big-endian IEEE 754 bits, as the packed format stores them. */
    private static byte[] floatBytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static byte[] doubleBytes(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES);
        buffer.asDoubleBuffer().put(values);
        return buffer.array();
    }
}
