package org.binaryconnect.runtime.train;

import java.util.ArrayList;
import java.util.List;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;
import org.binaryconnect.runtime.optim.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Finds where NaN or infinite values first appear in a network after a failed step: the input, then each layer's
 * activations in forward order, then the parameters. Runs only once training has failed, so it may be slow.
 */
public final class NonFiniteLocator {

    private NonFiniteLocator() {
    }

    /** A sentence part such as "NaN or infinite values first appear in layer hidden (hidden.z)", or "". */
    public static String locate(TrainableNetwork network) {
        List<String> found = new ArrayList<>();
        if (!finite(network.input())) {
            found.add("the input batch holds NaN or infinite values");
        } else {
            for (NamedArray activation : network.activations()) {
                if (!finite(activation.array())) {
                    String name = activation.name();
                    int dot = name.indexOf('.');
                    found.add("NaN or infinite values first appear in layer " + (dot > 0 ? name.substring(0, dot) : name)
                            + " (" + name + ")");
                    break;
                }
            }
        }
        List<String> parameters = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            if (!finite(p.value())) {
                parameters.add(p.name());
            }
        }
        if (!parameters.isEmpty()) {
            found.add("the parameters " + parameters + " hold NaN or infinite values");
        }
        return String.join("; ", found);
    }

    static boolean finite(INDArray array) {
        Buf values = Buf.of(array.ordering() == 'c' && array.elementWiseStride() == 1 ? array : array.dup('c'));
        for (int i = 0, n = values.length(); i < n; i++) {
            if (!Double.isFinite(values.get(i))) {
                return false;
            }
        }
        return true;
    }
}
