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
import org.binaryconnect.runtime.train.NamedArray;
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
    void writesTheHeaderOfFormatVersionOne() throws IOException {
        FixedStateNetwork network = ExportNetworks.hand();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes(network)));

        assertArrayEquals(new byte[] {'B', 'C', 'P', 'K'}, in.readNBytes(4));
        assertEquals(1, in.readUnsignedShort());
        assertEquals("Hand", in.readUTF());
        assertEquals(network.description().fingerprint(), in.readUTF());
        assertEquals(70, in.readInt());
        assertEquals(2, in.readInt());
        assertEquals(2, in.readInt());
    }

    @Test
    void packsBinaryWeightsUnitMajorLeastSignificantBitFirstAndFoldsBatchNorm() throws IOException {
        DataInputStream in = afterHeader(bytes(ExportNetworks.hand()));

        assertEquals(1, in.readUnsignedByte(), "binary dense");
        assertEquals(70, in.readInt());
        assertEquals(3, in.readInt());
        assertEquals(1, in.readUnsignedByte(), "relu");
        assertEquals(0.5f, in.readFloat());
        // unit 0: every input but 0 and 64; padding bits 70..127 are 0
        assertEquals(0xFFFF_FFFF_FFFF_FFFEL, in.readLong());
        assertEquals(0b11_1110L, in.readLong());
        // unit 1: only input 65, whose W is -0.0 (W >= 0 as in Binarize.deterministic)
        assertEquals(0L, in.readLong());
        assertEquals(0b10L, in.readLong());
        // unit 2: the even inputs
        assertEquals(0x5555_5555_5555_5555L, in.readLong());
        assertEquals(0b01_0101L, in.readLong());
        // scale = gamma * H / (std + eps), shift = gamma * (b - mean) / (std + eps) + beta
        assertArrayEquals(new float[] {1f, 0.25f, -1f}, floats(in, 3), TOLERANCE);
        assertArrayEquals(new float[] {2.25f, 1f, 5f}, floats(in, 3), TOLERANCE);
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
        assertArrayEquals(new float[] {1, 1}, floats(in, 2));
        assertArrayEquals(new float[] {0.5f, -0.5f}, floats(in, 2));
    }

    @Test
    void endsWithTheCrc32OfEveryByteBeforeIt() throws IOException {
        byte[] bytes = bytes(ExportNetworks.hand());
        DataInputStream in = afterFirstLayer(bytes);
        in.skipNBytes(1 + 4 + 4 + 1 + 4 + 6 * 4 + 2 * 4 + 2 * 4);

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
    void measuresTheFloat32Weights() {
        assertEquals(4L * (70 * 3 + 3 * 2), PackedModel.of(ExportNetworks.hand()).float32WeightBytes());
    }

    private static DataInputStream afterHeader(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.skipNBytes(4 + 2);
        in.readUTF();
        in.readUTF();
        in.skipNBytes(12);
        return in;
    }

    private static DataInputStream afterFirstLayer(byte[] bytes) throws IOException {
        DataInputStream in = afterHeader(bytes);
        in.skipNBytes(1 + 4 + 4 + 1 + 4 + 3 * 2 * 8 + 3 * 4 + 3 * 4);
        return in;
    }

    private static float[] floats(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
