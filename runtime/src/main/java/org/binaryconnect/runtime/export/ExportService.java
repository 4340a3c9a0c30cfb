package org.binaryconnect.runtime.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.model.ModelHeader;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * Exports a trained model: loads {@code model.bin} into the generated network, packs it into the resource its
 * inference class reads and writes the C files. Everything is loaded and checked before anything is written.
 */
public final class ExportService {

    private ExportService() {
    }

    /**
     * @param networkClass the generated network, e.g. {@code com.example.FashionMlpNetwork}
     * @param modelFile the trained model, usually {@code binaryconnect/<Network>/model.bin} in the project
     * @param resourceDirectory the classpath root the resource goes under, e.g. {@code target/classes}
     * @param cDirectory where the C files go (header, source and kernels header)
     * @throws org.binaryconnect.runtime.network.ConfigurationException when the class is not a generated network
     * @throws org.binaryconnect.runtime.model.ModelFileException when the model is missing, damaged or was trained
     *     for another network
     * @throws ExportException when the trained state cannot be packed (a value that is not finite)
     */
    public static ExportResult export(String networkClass, Path modelFile, Path resourceDirectory, Path cDirectory)
            throws IOException {
        TrainableNetwork network = NetworkClasses.instantiate(networkClass, OptionalLong.empty());
        ModelHeader header = ModelFile.load(modelFile, network);
        PackedModel model = PackedModel.of(network, header.pipeline(), header.classNames());
        Path packed = resourceDirectory.resolve(model.resourcePath());
        PackedModelWriter.write(model, packed);
        List<Path> cFiles = CExporter.write(model, cDirectory);
        return new ExportResult(packed, Files.size(packed), model.float32WeightBytes(), cFiles);
    }
}
