package org.binaryconnect.runtime.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.network.TrainableNetwork;

/**
 * Saves and loads a network's {@link TrainableNetwork#state()}: its real-valued parameters and BatchNorm running
 * statistics, in a versioned file with a CRC-32 checksum (layout in {@link ModelFormat}).
 *
 * <p>Loading writes into the network's existing state arrays and checks first that the file is intact and was
 * trained for this network (same {@link NetworkDescription#fingerprint()}, same array names and shapes); nothing
 * is changed unless everything matches. Binary weights need no separate storage: the generated code derives them
 * from the real-valued W.
 */
public final class ModelFile {

    /** The name the trainer gives the model of the best validation epoch. */
    public static final String FILE_NAME = "model.bin";

    private ModelFile() {
    }

    /**
     * Writes {@code network}'s state, from training epoch {@code epoch}, to {@code file} atomically, for features
     * that are bytes scaled to [-1, 1] and classes without names: for tests and hand-built networks.
     */
    public static void save(Path file, TrainableNetwork network, int epoch) throws IOException {
        save(file, network, epoch, InputPipeline.scaling(network.description().inputSize(), -1f, 1f), List.of());
    }

    /**
     * Writes {@code network}'s state, from training epoch {@code epoch}, to {@code file} atomically, with the input
     * pipeline its features came from and its class names (empty when unknown).
     */
    public static void save(Path file, TrainableNetwork network, int epoch, InputPipeline pipeline,
            List<String> classNames) throws IOException {
        NetworkDescription description = network.description();
        ModelHeader header = new ModelHeader(ModelFormat.VERSION, description.name(), description.fingerprint(),
                epoch, pipeline, classNames);
        try {
            ModelFileWriter.write(file, header, network.state());
        } catch (IOException e) {
            throw new IOException("Cannot write the model of epoch " + epoch + " to " + file + " (" + e.getMessage()
                    + "); the model saved before is intact: make room (or choose another outputDirectory) and run "
                    + "again.", e);
        }
    }

    /**
     * Checks {@code file} (magic, version, checksum, structure) and returns its header, without a network.
     *
     * @throws ModelFileException when the file is missing, damaged or of another format
     */
    public static ModelHeader readHeader(Path file) throws IOException {
        return ModelFileReader.read(file).header();
    }

    /**
     * Loads {@code file} into {@code network}'s state arrays.
     *
     * @return the file's header, e.g. for the epoch it was saved at
     * @throws ModelFileException when the file is missing, damaged, of another format, or was trained for a
     *     different network
     */
    public static ModelHeader load(Path file, TrainableNetwork network) throws IOException {
        ModelFileReader.Contents contents = ModelFileReader.read(file);
        ModelHeader header = contents.header();
        StoredArrays.restore(file.toString(), StateFileKind.MODEL, contents, network.description(), network.state());
        return header;
    }
}
