package org.binaryconnect.runtime.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.nn.Buf;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies a checked file's arrays into a network's arrays, after making sure that the file was written for this
 * network (fingerprint) by the same generated code (names and shapes): nothing is changed unless all of it fits.
 */
final class StoredArrays {

    private StoredArrays() {
    }

    static void restore(String file, StateFileKind kind, ModelFileReader.Contents contents,
            NetworkDescription description, List<NamedArray> targets) {
        ModelHeader header = contents.header();
        if (!header.fingerprint().equals(description.fingerprint())) {
            throw new ModelFileException(kind.label() + " " + file + " was trained for a different network: it holds "
                    + header.networkName() + " (fingerprint " + header.fingerprint() + "), but "
                    + description.name() + " has fingerprint " + description.fingerprint()
                    + ": train this network, or use the file trained for it.");
        }
        checkInputs(file, kind, header, description);
        check(file, kind, contents.arrays(), targets, description.name());
        for (int i = 0; i < targets.size(); i++) {
            copy(contents.arrays().get(i), contents.bytes(), targets.get(i).array());
        }
    }

    /**
     * Checks that the recorded input pipeline and class names fit the network: a model file that passes the
     * checksum but pairs them with another network's sizes would otherwise export a model that fails at its first
     * prediction.
     */
    static void checkInputs(String file, StateFileKind kind, ModelHeader header, NetworkDescription description) {
        int features = header.pipeline().features();
        int names = header.classNames().size();
        if (features != description.inputSize() || (names != 0 && names != description.classes())) {
            throw new ModelFileException(kind.label() + " " + file + " records an input pipeline of " + features
                    + " features and " + names + " class names, but " + description.name() + " takes "
                    + description.inputSize() + " inputs and predicts " + description.classes()
                    + " classes: train this network again.");
        }
    }

    private static void check(String file, StateFileKind kind, List<ModelFileReader.StoredArray> stored,
            List<NamedArray> targets, String networkName) {
        List<String> storedNames = stored.stream().map(ModelFileReader.StoredArray::name).toList();
        List<String> targetNames = targets.stream().map(NamedArray::name).toList();
        if (!storedNames.equals(targetNames)) {
            throw new ModelFileException(kind.label() + " " + file + " holds the arrays " + storedNames + ", but "
                    + networkName + " has " + targetNames
                    + ": it was written by different generated code; train this network again.");
        }
        for (int i = 0; i < targets.size(); i++) {
            long[] expected = targets.get(i).array().shape();
            if (!Arrays.equals(stored.get(i).shape(), expected)) {
                throw new ModelFileException(kind.label() + " " + file + " holds " + storedNames.get(i)
                        + " with shape " + stored.get(i).shapeText() + ", but " + networkName + "'s is "
                        + Arrays.toString(expected)
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
