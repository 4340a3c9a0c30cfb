package org.binaryconnect.runtime.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.binaryconnect.inference.InputPipeline;
import org.binaryconnect.inference.PackedModelFormat;
import org.binaryconnect.runtime.network.NamedArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decodes what the writer wrote, field by field, against the format document and values worked out by hand. */
class PackedModelWriterTest {

    private static final float TOLERANCE = 1e-5f;

    @TempDir
    Path dir;

    private static byte[] bytes(FixedStateNetwork network) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackedModelWriter.write(network, out);
        return out.toByteArray();
    }

    @Test
    void writesTheHeaderOfFormatVersionFourWithThePipelineAndTheClassNames() throws IOException {
        FixedStateNetwork network = ExportNetworks.hand();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes(network)));

        assertArrayEquals(new byte[] {'B', 'C', 'P', 'K'}, in.readNBytes(4));
        assertEquals(4, in.readUnsignedShort());
        assertEquals("Hand", in.readUTF());
        assertEquals(network.description().fingerprint(), in.readUTF());
        assertEquals(70, in.readInt());
        assertEquals(2, in.readInt());
        assertEquals(2, in.readInt());
        // the default pipeline: bytes to [-1, 1], no other step; no class names
        assertEquals(-1f, in.readFloat());
        assertEquals(1f, in.readFloat());
        assertEquals(0, in.readUnsignedByte());
        assertEquals(0, in.readInt());
    }

    @Test
    void writesEveryPipelineStepWithItsFittedValuesAndTheClassNames() throws IOException {
        float[] means = new float[70];
        means[3] = 0.5f;
        double[] mean = new double[70];
        mean[69] = -2;
        float[] matrix = new float[70 * 70];
        matrix[1] = 7f;
        InputPipeline pipeline = InputPipeline.scaling(70, 0f, 1f).withContrastNormalization(55)
                .withCentering(means).withWhitening(mean, matrix);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackedModelWriter.write(PackedModel.of(ExportNetworks.hand(), pipeline, List.of("no", "yes")), out);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(out.toByteArray()));
        in.skipNBytes(4 + 2);
        in.readUTF();
        in.readUTF();
        in.skipNBytes(12);

        assertEquals(0f, in.readFloat());
        assertEquals(1f, in.readFloat());
        assertEquals(PackedModelFormat.STEP_CONTRAST_NORMALIZATION | PackedModelFormat.STEP_CENTERING
                | PackedModelFormat.STEP_WHITENING, in.readUnsignedByte());
        assertEquals(55.0, in.readDouble());
        assertArrayEquals(means, floats(in, 70));
        double[] readMean = new double[70];
        for (int i = 0; i < 70; i++) {
            readMean[i] = in.readDouble();
        }
        assertArrayEquals(mean, readMean);
        assertArrayEquals(matrix, floats(in, 70 * 70));
        assertEquals(2, in.readInt());
        assertEquals("no", in.readUTF());
        assertEquals("yes", in.readUTF());
        assertEquals(1, in.readUnsignedByte(), "the first layer follows: binary dense");
    }

    @Test
    void refusesClassNamesOfAnotherCount() {
        ExportException e = assertThrows(ExportException.class, () -> PackedModel.of(ExportNetworks.hand(),
                InputPipeline.scaling(70, -1f, 1f), List.of("one", "two", "three")));
        assertEquals("Hand predicts 2 classes but its model names 3: train the network again with one class name"
                + " per class.", e.getMessage());
    }

    @Test
    void packsBinaryWeightsUnitMajorLeastSignificantBitFirstAndFoldsBatchNorm() throws IOException {
        DataInputStream in = afterHeader(bytes(ExportNetworks.hand()));

        assertEquals(1, in.readUnsignedByte(), "binary dense");
        assertEquals(70, in.readInt());
        assertEquals(3, in.readInt());
        assertEquals(1, in.readUnsignedByte(), "relu");
        assertEquals(0.5f, in.readFloat());
        // 9 bytes a unit, bit i % 8 of byte i / 8; unit 0: every input but 0 and 64; padding bits 70..71 are 0
        assertArrayEquals(bytes(0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0b11_1110), in.readNBytes(9));
        // unit 1: only input 65, whose W is -0.0 (W >= 0 as in Binarize.deterministic)
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0b10), in.readNBytes(9));
        // unit 2: the even inputs
        assertArrayEquals(bytes(0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0b01_0101), in.readNBytes(9));
        // scale = gamma * H / (std + eps), shift = gamma * (b - mean) / (std + eps) + beta
        assertArrayEquals(new float[] {1f, 0.25f, -1f}, f24s(in, 3), TOLERANCE);
        assertArrayEquals(new float[] {2.25f, 1f, 5f}, f24s(in, 3), TOLERANCE);
    }

    @Test
    void writesFullPrecisionWeightsUnitMajorWithHOneAndTheBiasAsShift() throws IOException {
        DataInputStream in = afterFirstLayer(bytes(ExportNetworks.hand()));

        assertEquals(2, in.readUnsignedByte(), "full-precision dense");
        assertEquals(3, in.readInt());
        assertEquals(2, in.readInt());
        assertEquals(0, in.readUnsignedByte(), "identity");
        assertEquals(1f, in.readFloat());
        assertArrayEquals(new float[] {1, 3, 5, 2, 4, 6}, floats(in, 6));
        assertArrayEquals(new float[] {1, 1}, f24s(in, 2));
        assertArrayEquals(new float[] {0.5f, -0.5f}, f24s(in, 2));
    }

    @Test
    void endsWithTheCrc32OfEveryByteBeforeIt() throws IOException {
        byte[] bytes = bytes(ExportNetworks.hand());
        DataInputStream in = afterFirstLayer(bytes);
        in.skipNBytes(1 + 4 + 4 + 1 + 4 + 6 * 4 + 2 * 3 + 2 * 3);

        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        assertEquals(crc.getValue(), in.readLong());
        assertEquals(-1, in.read(), "nothing after the checksum");
    }

    @Test
    void writesAFileAtomicallyWithTheSameBytes() throws IOException {
        FixedStateNetwork network = ExportNetworks.hand();
        Path file = dir.resolve("org/example/nets/Hand.bcpk");

        PackedModelWriter.write(network, file);
        PackedModelWriter.write(network, file);

        assertArrayEquals(bytes(network), Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
        assertEquals("org/example/nets/Hand.bcpk", PackedModel.of(network).resourcePath());
    }

    @Test
    void foldsToWhatTheTrainedNetworkComputes() {
        FixedStateNetwork network = ExportNetworks.deep(5);
        PackedModel model = PackedModel.of(network);
        Random random = new Random(9);

        for (int sample = 0; sample < 20; sample++) {
            float[] features = ExportNetworks.features(random, 100);
            double[] expected = ReferenceEvaluation.declared(network, features);
            float[] actual = ReferenceEvaluation.folded(model, features);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], actual[k], 1e-4 * Math.max(1, Math.abs(expected[k])), "sample " + sample
                        + " class " + k);
            }
        }
    }

    @Test
    void rejectsAValueThatIsNotFinite() {
        FixedStateNetwork network = ExportNetworks.hand();
        network.array("first.runningStd").putScalar(1, Float.NaN);

        ExportException e = assertThrows(ExportException.class, () -> bytes(network));

        assertTrue(e.getMessage().contains("Hand's first.scale holds a value that is not a finite number"),
                e.getMessage());
    }

    @Test
    void rejectsAMissingStateArray() {
        FixedStateNetwork hand = ExportNetworks.hand();
        List<NamedArray> state = hand.state().stream().filter(a -> !a.name().equals("first.gamma")).toList();

        ExportException e = assertThrows(ExportException.class,
                () -> bytes(new FixedStateNetwork(hand.description(), state)));

        assertTrue(e.getMessage().startsWith("Hand has no state array first.gamma"), e.getMessage());
    }

    @Test
    void roundsScaleAndShiftToF24ToNearestEven() {
        assertEquals(1f, PackedFormat.roundToF24(Float.intBitsToFloat(0x3f80_007f)));
        assertEquals(Float.intBitsToFloat(0x3f80_0100), PackedFormat.roundToF24(Float.intBitsToFloat(0x3f80_0081)));
        // ties to even: down to ...00, up to ...02
        assertEquals(1f, PackedFormat.roundToF24(Float.intBitsToFloat(0x3f80_0080)));
        assertEquals(Float.intBitsToFloat(0x3f80_0200), PackedFormat.roundToF24(Float.intBitsToFloat(0x3f80_0180)));
        assertEquals(Float.intBitsToFloat(0xbf80_0100), PackedFormat.roundToF24(Float.intBitsToFloat(0xbf80_00c0)));
        // the carry rounds up into the next binade
        assertEquals(2f, PackedFormat.roundToF24(Math.nextDown(2f)));
        assertEquals(Float.POSITIVE_INFINITY, PackedFormat.roundToF24(Float.MAX_VALUE));
    }

    @Test
    void measuresTheFloat32Weights() {
        assertEquals(4L * (70 * 3 + 3 * 2), PackedModel.of(ExportNetworks.hand()).float32WeightBytes());
    }

    private static DataInputStream afterHeader(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.skipNBytes(4 + 2);
        in.readUTF();
        in.readUTF();
        in.skipNBytes(12);
        in.skipNBytes(4 + 4 + 1 + 4); // the default pipeline, no class names
        return in;
    }

    private static DataInputStream afterFirstLayer(byte[] bytes) throws IOException {
        DataInputStream in = afterHeader(bytes);
        in.skipNBytes(1 + 4 + 4 + 1 + 4 + 3 * 9 + 3 * 3 + 3 * 3);
        return in;
    }

    /** f24: the high three bytes of a float32. */
    private static float[] f24s(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = Float.intBitsToFloat(in.readUnsignedByte() << 24 | in.readUnsignedByte() << 16
                    | in.readUnsignedByte() << 8);
        }
        return values;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static float[] floats(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
