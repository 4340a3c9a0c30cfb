package org.binaryconnect.runtime.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.train.NamedArray;
import org.binaryconnect.runtime.train.NetworkDescription;
import org.binaryconnect.runtime.train.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /** Writes {@code network}'s state, from training epoch {@code epoch}, to {@code file} atomically. */
    public static void save(Path file, TrainableNetwork network, int epoch) throws IOException {
        NetworkDescription description = network.description();
        ModelHeader header = new ModelHeader(ModelFormat.VERSION, description.name(), description.fingerprint(),
                epoch);
        ModelFileWriter.write(file, header, network.state());
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
        NetworkDescription description = network.description();
        if (!header.fingerprint().equals(description.fingerprint())) {
            throw new ModelFileException("Model file " + file + " was trained for a different network: it holds "
                    + header.networkName() + " (fingerprint " + header.fingerprint() + "), but "
                    + description.name() + " has fingerprint " + description.fingerprint()
                    + ": train this network, or load the model file trained for it.");
        }
        List<NamedArray> state = network.state();
        checkArrays(file, contents.arrays(), state, description.name());
        for (int i = 0; i < state.size(); i++) {
            copy(contents.arrays().get(i), contents.bytes(), state.get(i).array());
        }
        return header;
    }

    private static void checkArrays(Path file, List<ModelFileReader.StoredArray> stored, List<NamedArray> state,
            String networkName) {
        List<String> storedNames = stored.stream().map(ModelFileReader.StoredArray::name).toList();
        List<String> stateNames = state.stream().map(NamedArray::name).toList();
        if (!storedNames.equals(stateNames)) {
            throw new ModelFileException("Model file " + file + " holds the arrays " + storedNames + ", but "
                    + networkName + " has " + stateNames
                    + ": it was written by different generated code; train this network again.");
        }
        for (int i = 0; i < state.size(); i++) {
            long[] expected = state.get(i).array().shape();
            if (!Arrays.equals(stored.get(i).shape(), expected)) {
                throw new ModelFileException("Model file " + file + " holds " + storedNames.get(i) + " with shape "
                        + stored.get(i).shapeText() + ", but " + networkName + "'s is " + Arrays.toString(expected)
                        + ": it was written by different generated code; train this network again.");
            }
        }
    }

    private static void copy(ModelFileReader.StoredArray stored, ByteBuffer bytes, INDArray target) {
        INDArray destination = ModelFileWriter.contiguous(target);
        Buf out = Buf.of(destination);
        int position = stored.dataOffset();
        if (stored.dtype() == ModelFormat.FLOAT32) {
            for (int i = 0, n = out.length(); i < n; i++, position += 4) {
                out.set(i, bytes.getFloat(position));
            }
        } else {
            for (int i = 0, n = out.length(); i < n; i++, position += 8) {
                out.set(i, bytes.getDouble(position));
            }
        }
        if (destination != target) {
            target.assign(destination);
        }
    }
}
