package org.example.nets;

import static org.binaryconnect.inference.PackedModelFormat.ACTIVATION_IDENTITY;
import static org.binaryconnect.inference.PackedModelFormat.ACTIVATION_RELU;
import static org.binaryconnect.inference.PackedModelFormat.KIND_BINARY;
import static org.binaryconnect.inference.PackedModelFormat.KIND_FULL_PRECISION;

import java.io.IOException;
import java.io.InputStream;
import org.binaryconnect.inference.DenseKernels;
import org.binaryconnect.inference.PackedModelReader;
import org.binaryconnect.inference.Predictions;

/**
 * What the processor would generate for the export tests' {@code org.example.nets.Hand} (binary 70 -> 3 with batch
 * norm and relu, full-precision 3 -> 2), written by hand in the generated class's shape: the runtime's tests cannot
 * run the processor, and an export reads its packed model back through this class.
 */
public final class HandInference {

    /** The fingerprint of the test network, taken from it rather than copied, so that the two cannot drift. */
    static final String FINGERPRINT = org.binaryconnect.runtime.export.ExportNetworks.HandNetwork
            .fingerprint();

    private final long[] firstWeights;
    private final float[] firstScale;
    private final float[] firstShift;
    private final float[] outWeights;
    private final float[] outScale;
    private final float[] outShift;

    private HandInference(PackedModelReader in) throws IOException {
        in.header("Hand", FINGERPRINT, 70, 2, 2);
        in.pipeline(70);
        in.classNames(2);
        in.layer("first", KIND_BINARY, 70, 3, ACTIVATION_RELU);
        firstWeights = in.bits(3, 70, 2, "layer first weights");
        firstScale = in.f24s(3, "layer first scale");
        firstShift = in.f24s(3, "layer first shift");
        in.layer("out", KIND_FULL_PRECISION, 3, 2, ACTIVATION_IDENTITY);
        outWeights = in.floats(2 * 3, "layer out weights");
        outScale = in.f24s(2, "layer out scale");
        outShift = in.f24s(2, "layer out shift");
        in.finish();
    }

    public static HandInference load(InputStream in) throws IOException {
        return PackedModelReader.read(in, HandInference::new);
    }

    public int predict(float[] features) {
        return Predictions.argmax(scores(features));
    }

    public float[] scores(float[] features) {
        Predictions.checkLength(features.length, 70, "features");
        float[] first = DenseKernels.relu(DenseKernels.binaryDenseBySetBits(features, firstWeights, 2, firstScale,
                firstShift));
        return DenseKernels.fullPrecisionDense(first, outWeights, outScale, outShift);
    }
}
