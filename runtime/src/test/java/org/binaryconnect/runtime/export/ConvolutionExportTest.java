package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.binaryconnect.dsl.Nonlinearity;
import org.binaryconnect.dsl.Padding;
import org.binaryconnect.runtime.network.LayerDescription;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.nn.ActivationKernels;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.ChannelBatchNormKernels;
import org.binaryconnect.runtime.nn.Conv2dKernels;
import org.binaryconnect.runtime.nn.ConvShape;
import org.binaryconnect.runtime.nn.MaxPoolKernels;
import org.binaryconnect.runtime.nn.PoolShape;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The packed export of a conv layer: its geometry in the file, and a folded model that computes what the runtime's
 * conv, max-pool and channel batch norm kernels compute, also where batch norm's gamma is negative (the scale and
 * shift come after the pool). A binary conv with H <= 0 is refused: the pool could not come before the scale.
 */
class ConvolutionExportTest {

    static final ConvShape CONV = ConvShape.of(2, 7, 6, 5, 3, 1, Padding.SAME);
    static final PoolShape POOL = PoolShape.of(5, 7, 6, 2, 2);
    private static final int BATCH = 6;

    /** {@code Conv}: a binary conv 2x7x6 -> 5x7x6, max-pool 2 -> 5x3x3, batch norm, relu; then a binary dense 45 -> 3. */
    static FixedStateNetwork network(long seed, double h) {
        Random random = new Random(seed);
        LayerDescription conv = new LayerDescription("conv", CONV.inputSize(), POOL.outputSize(), true, h, true,
                ExportNetworks.EPSILON, Nonlinearity.RELU, 0, "conv: conv 2x7x6 -> 5x7x6 (3x3 stride 1 SAME)",
                Optional.of(CONV), Optional.of(POOL));
        LayerDescription dense = ExportNetworks.layer("out", POOL.outputSize(), 3, true, 0.25, false,
                Nonlinearity.IDENTITY);
        List<NamedArray> state = new ArrayList<>();
        state.add(new NamedArray("conv.W", ExportNetworks.matrix(randoms(random, CONV.filters(), CONV.fanIn()))));
        state.add(new NamedArray("conv.b", ExportNetworks.vector(randoms(random, 1, CONV.filters())[0])));
        // gamma negative for filters 0, 2 and 4
        state.add(new NamedArray("conv.gamma", ExportNetworks.vector(-1.2f, 0.8f, -0.5f, 1.1f, -0.9f)));
        state.add(new NamedArray("conv.beta", ExportNetworks.vector(randoms(random, 1, CONV.filters())[0])));
        state.add(new NamedArray("conv.runningMean", ExportNetworks.vector(randoms(random, 1, CONV.filters())[0])));
        state.add(new NamedArray("conv.runningStd", ExportNetworks.vector(1.5f, 0.7f, 2.2f, 0.4f, 1f)));
        state.add(new NamedArray("out.W", ExportNetworks.matrix(randoms(random, POOL.outputSize(), 3))));
        state.add(new NamedArray("out.b", ExportNetworks.vector(randoms(random, 1, 3)[0])));
        return new FixedStateNetwork(ExportNetworks.description("Conv", "org.example.Conv", List.of(7, 6, 2), 3,
                List.of(conv, dense)), state);
    }

    private static float[][] randoms(Random random, int rows, int columns) {
        float[][] values = new float[rows][columns];
        for (float[] row : values) {
            for (int i = 0; i < columns; i++) {
                row[i] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return values;
    }

    @Test
    void writesTheConvLayersKindAndGeometry() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackedModelWriter.write(network(1, 0.5), out);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
        in.skipNBytes(6);
        in.readUTF();
        in.readUTF();
        assertEquals(84, in.readInt());
        assertEquals(3, in.readInt());
        assertEquals(2, in.readInt());
        in.skipNBytes(4 + 4 + 1 + 4); // the default pipeline, no class names
        assertEquals(3, in.readUnsignedByte(), "binary conv");
        int[] geometry = new int[14];
        for (int k = 0; k < geometry.length; k++) {
            geometry[k] = in.readInt();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new int[] {2, 7, 6, 5, 3, 1, 1, 1, 7, 6, 2, 2, 3, 3}, geometry);
        assertEquals(1, in.readUnsignedByte(), "relu");
        assertEquals(0.5f, in.readFloat(), "H");
        // 5 filters of 18 signs, 3 bytes each, then scale and shift as 5 f24 each
        in.skipNBytes(5 * 3 + 2 * 5 * 3);
        assertEquals(1, in.readUnsignedByte(), "the dense layer's kind follows");
    }

    @Test
    void foldedModelMatchesTheRuntimeKernelsWithNegativeGamma() {
        FixedStateNetwork network = network(2, 0.5);
        PackedModel model = PackedModel.of(network);
        Random random = new Random(3);
        float[][] features = new float[BATCH][];
        INDArray x = Nd4j.create(DataType.FLOAT, BATCH, CONV.inputSize());
        for (int s = 0; s < BATCH; s++) {
            features[s] = ExportNetworks.features(random, CONV.inputSize());
            for (int i = 0; i < features[s].length; i++) {
                x.putScalar(s, i, features[s][i]);
            }
        }

        INDArray scores = predict(network, x);

        for (int s = 0; s < BATCH; s++) {
            float[] folded = ReferenceEvaluation.folded(model, features[s]);
            for (int k = 0; k < folded.length; k++) {
                double expected = scores.getDouble(s, k);
                assertEquals(expected, folded[k], 1e-4 * Math.max(1, Math.abs(expected)), "sample " + s + " class "
                        + k);
            }
        }
    }

    /** The runtime's kernels, as a generated network's predict() calls them: conv, pool, batch norm, relu, dense. */
    private static INDArray predict(FixedStateNetwork network, INDArray x) {
        INDArray wb = network.array("conv.W").ulike();
        Binarize.deterministic(network.array("conv.W"), wb, 0.5);
        INDArray convolved = Nd4j.create(DataType.FLOAT, BATCH, CONV.outputSize());
        Conv2dKernels.forward(CONV, x, wb, network.array("conv.b"), convolved,
                Nd4j.create(DataType.FLOAT, CONV.fanIn(), CONV.outPlane()));
        INDArray pooled = Nd4j.create(DataType.FLOAT, BATCH, POOL.outputSize());
        MaxPoolKernels.forward(POOL, convolved, pooled, new int[BATCH * POOL.outputSize()]);
        ChannelBatchNormKernels.forwardInference(pooled, network.array("conv.gamma"), network.array("conv.beta"),
                network.array("conv.runningMean"), network.array("conv.runningStd"), pooled, ExportNetworks.EPSILON);
        ActivationKernels.relu(pooled, pooled);
        INDArray outWb = network.array("out.W").ulike();
        Binarize.deterministic(network.array("out.W"), outWb, 0.25);
        return pooled.mmul(outWb).addRowVector(network.array("out.b"));
    }

    @Test
    void refusesABinaryConvWithHNotPositive() {
        ExportException e = assertThrows(ExportException.class, () -> PackedModel.of(network(4, -0.5)));

        assertTrue(e.getMessage().startsWith("Conv's layer conv has H = -0.5: the packed format max-pools a binary"
                + " convolution's sums before scaling them by H, which needs H > 0; declare a positive h."),
                e.getMessage());
    }

    @Test
    void measuresTheConvWeightsAsFiltersTimesFanIn() {
        assertEquals(4L * (5 * 18 + 45 * 3), PackedModel.of(network(5, 0.5)).float32WeightBytes());
    }
}
