package org.binaryconnect.runtime.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.io.AtomicFiles;
import org.binaryconnect.runtime.model.ModelFile;
import org.binaryconnect.runtime.model.ModelHeader;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * Exports a trained model: loads {@code model.bin} into the generated network, packs it, checks the packed bytes
 * through the generated inference class against the trained network on the test data, then writes the resource its
 * inference class reads, the C files and the model card.
 *
 * <p>Everything is loaded and checked before anything is written, so an export that fails leaves the classes
 * directory as it was: a packed model that predicts differently from the trained network is never written, and the
 * earlier packed model and its card stay together. The bytes checked are the bytes written (read back and compared).
 * The card is removed before the packed model is replaced and written last, so no card ever describes a packed
 * model other than the one beside it.
 */
public final class ExportService {

    private ExportService() {
    }

    /**
     * @param console receives what loading the data reports
     * @throws org.binaryconnect.runtime.network.ConfigurationException when the class is not a generated network
     * @throws org.binaryconnect.runtime.model.ModelFileException when the model is missing, damaged or was trained
     *     for another network
     * @throws ExportException when the trained state cannot be packed (a value that is not finite), or the packed
     *     model does not read back or predicts a test sample differently from the trained network
     */
    public static ExportResult export(ExportOptions options, Consumer<String> console) throws IOException {
        return export(options, console, PackedModelFault::fromSystemProperty);
    }

    /** The seam the tests perturb the packed bytes through, between packing and checking. */
    static ExportResult export(ExportOptions options, Consumer<String> console,
            Function<PackedModel, UnaryOperator<byte[]>> tamper) throws IOException {
        TrainableNetwork network = NetworkClasses.instantiate(options.networkClass(), OptionalLong.empty());
        ModelHeader header = ModelFile.load(options.modelFile(), network);
        PackedModel model = PackedModel.of(network, header.pipeline(), header.classNames());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PackedModelWriter.write(model, buffer);
        byte[] packed = tamper.apply(model).apply(buffer.toByteArray());

        // read back first: a reader that refuses the bytes fails the export even when no data is at hand
        InferenceClass.ShippedModel shipped = InferenceClass.load(model.specClass(),
                network.getClass().getClassLoader(), packed);
        Checked checked = check(network, header, shipped, options, console);

        Path packedFile = options.resourceDirectory().resolve(model.resourcePath());
        Path card = options.resourceDirectory().resolve(ModelCard.resourcePathFor(model.resourcePath()));
        Files.deleteIfExists(card);
        AtomicFiles.write(packedFile, packed);
        if (!Arrays.equals(Files.readAllBytes(packedFile), packed)) {
            throw new IOException(packedFile + " does not hold the bytes just written and checked: check the disk"
                    + " and export again.");
        }
        List<Path> cFiles = CExporter.write(model, options.cDirectory());
        new ModelCard(model.name(), model.specClass(), model.fingerprint(), options.projectVersion(),
                model.resourcePath(), packed.length, FileDigests.sha256(packed), checked.files(), header.pipeline(),
                header.classNames(), checked.verification())
                .write(card);
        return new ExportResult(packedFile, packed.length, model.float32WeightBytes(), cFiles,
                checked.verification(), card);
    }

    private record Checked(Verification verification, ModelCard.DatasetFiles files) {
    }

    private static Checked check(TrainableNetwork network, ModelHeader header, InferenceClass.ShippedModel shipped,
            ExportOptions options, Consumer<String> console) throws IOException {
        if (options.data().isEmpty()) {
            return new Checked(Verification.notVerified("no data was given to predict (the dataset options of"
                    + " train, e.g. -Dbinaryconnect.data)"), null);
        }
        // an export measures on data at hand; a download it would start unasked is surprising and slow
        DatasetRequest request = options.data().get().withOffline(true).withConsole(console);
        NetworkDescription description = network.description();
        DatasetLoader loader = new DatasetLoader();
        Dataset dataset;
        try {
            dataset = loader.load(request, description.inputSize(), description.classes());
        } catch (DataException e) {
            return new Checked(Verification.notVerified("the test data is not at hand (" + e.getMessage() + ")"),
                    null);
        }
        if (!dataset.pipeline().equals(header.pipeline())) {
            // the figures would describe features the shipped model never gets from predictPixels
            throw new ExportException("The test data of " + request.source() + " is prepared as "
                    + dataset.pipeline() + ", but " + options.modelFile() + " was trained on data prepared as "
                    + header.pipeline() + ": export with the preprocessing and data that train used.");
        }
        Verification verification = ExportVerification.verify(network, shipped, dataset.test(), request.source());
        return new Checked(verification, ModelCard.DatasetFiles.of(request.source(), loader.inputFiles(request)));
    }
}
