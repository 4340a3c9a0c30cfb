package org.binaryconnect.runtime.export;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.binaryconnect.runtime.data.DatasetRequest;

/**
 * What one export needs.
 *
 * @param networkClass the generated network, e.g. {@code com.example.FashionMlpNetwork}
 * @param modelFile the trained model, usually {@code binaryconnect/<Network>/model.bin} in the project
 * @param resourceDirectory the classpath root the packed model and its model card go under, e.g.
 *     {@code target/classes}
 * @param cDirectory where the C files go (header, source and kernels header)
 * @param data the dataset training read (the same settings as {@code train}), whose test part checks the packed
 *     model; empty when none is given, and then nothing is checked. It is never downloaded for an export.
 * @param projectVersion the version of the project that ships the model, for the model card; null when unknown
 */
public record ExportOptions(String networkClass, Path modelFile, Path resourceDirectory, Path cDirectory,
        Optional<DatasetRequest> data, String projectVersion) {

    public ExportOptions {
        Objects.requireNonNull(networkClass, "networkClass");
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(resourceDirectory, "resourceDirectory");
        Objects.requireNonNull(cDirectory, "cDirectory");
        Objects.requireNonNull(data, "data");
    }
}
