package org.binaryconnect.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The reader accepts the format as docs/packed-model-format.md lays it out and rejects every kind of damage with an
 * {@link InvalidModelException} naming it: the messages generated inference classes give their users.
 */
class PackedModelReaderTest {

    private static final int[] GEOMETRY = {2, 5, 4, 3, 3, 1, 1, 1, 5, 4, 2, 2, 2, 2};

    /** A network of one binary dense layer 10 -> 2 (relu) and one full-precision dense layer 2 -> 3. */
    private record Tiny(long[] signs, float[] scale, float[] shift, float[] weights) {
        static Tiny read(PackedModelReader in) throws IOException {
            in.header("Tiny", "f00d", 10, 3, 2);
            in.pipeline(10);
            in.classNames(3);
            in.layer("hidden", PackedModelFormat.KIND_BINARY, 10, 2, PackedModelFormat.ACTIVATION_RELU);
            long[] signs = in.bits(2, 10, 1, "layer hidden weights");
            float[] scale = in.f24s(2, "layer hidden scale");
            float[] shift = in.f24s(2, "layer hidden shift");
            in.layer("output", PackedModelFormat.KIND_FULL_PRECISION, 2, 3, PackedModelFormat.ACTIVATION_IDENTITY);
            float[] weights = in.floats(6, "layer output weights");
            in.f24s(3, "layer output scale");
            in.f24s(3, "layer output shift");
            in.finish();
            return new Tiny(signs, scale, shift, weights);
        }
    }

    private static PackedBytes tinyUpToOutputWeights() {
        boolean[][] signs = new boolean[2][10];
        signs[0][0] = true;
        signs[0][9] = true;
        signs[1][8] = true;
        return new PackedBytes().header("Tiny", "f00d", 10, 3, 2)
                .dense(PackedModelFormat.KIND_BINARY, 10, 2, PackedModelFormat.ACTIVATION_RELU)
                .signs(signs).f24s(1.5f, -2f).f24s(0.25f, 3f)
                .dense(PackedModelFormat.KIND_FULL_PRECISION, 2, 3, PackedModelFormat.ACTIVATION_IDENTITY)
                .floats(1, 2, 3, 4, 5, 6);
    }

    private static byte[] tiny() {
        return tinyUpToOutputWeights().f24s(1, 1, 1).f24s(0, 0, 0).withChecksum();
    }

    private static String rejection(byte[] bytes) {
        return assertThrows(InvalidModelException.class,
                () -> PackedModelReader.read(new ByteArrayInputStream(bytes), Tiny::read)).getMessage();
    }

    @Test
    void readsEveryFieldInFileOrder() throws IOException {
        Tiny tiny = PackedModelReader.read(new ByteArrayInputStream(tiny()), Tiny::read);
        assertArrayEquals(new long[] {1L | 1L << 9, 1L << 8}, tiny.signs());
        assertArrayEquals(new float[] {1.5f, -2f}, tiny.scale());
        assertArrayEquals(new float[] {0.25f, 3f}, tiny.shift());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, tiny.weights());
    }

    @Test
    void rejectsAnotherFormat() {
        byte[] bytes = tiny();
        bytes[0] = 'X';
        assertEquals("not a packed BinaryConnect model: magic number 0x5843504b, expected 0x4243504b ('BCPK')",
                rejection(bytes));
    }

    @Test
    void rejectsAnotherVersion() {
        byte[] bytes = tiny();
        bytes[5] = 3;
        assertEquals("unsupported packed model format version 3: this class reads version 4; export the model with"
                + " the BinaryConnect version that generated this class", rejection(bytes));
    }

    @Test
    void rejectsAnotherNetworkOrFingerprint() {
        assertEquals("packed model is for network Tinz, expected Tiny",
                rejection(new PackedBytes().header("Tinz", "f00d", 10, 3, 2).withChecksum()));
        assertEquals("packed model of Tiny has fingerprint beef, expected f00d: it was trained for a different"
                + " declaration of the network; train and export it again",
                rejection(new PackedBytes().header("Tiny", "beef", 10, 3, 2).withChecksum()));
    }

    @Test
    void rejectsSizesThatAreNotTheNetworks() {
        assertEquals("packed model's input size is 11, expected 10",
                rejection(new PackedBytes().header("Tiny", "f00d", 11, 3, 2).withChecksum()));
        assertEquals("packed model's layer count is 3, expected 2",
                rejection(new PackedBytes().header("Tiny", "f00d", 10, 3, 3).withChecksum()));
        assertEquals("packed model's layer hidden does not match the network: expected binary dense 10 -> 2, relu,"
                + " found full-precision dense 10 -> 2, identity", rejection(new PackedBytes()
                .header("Tiny", "f00d", 10, 3, 2).dense(2, 10, 2, 0).withChecksum()));
        assertEquals("packed model's layer hidden does not match the network: expected binary dense 10 -> 2, relu,"
                + " found unknown kind 7 10 -> 2, unknown activation 9", rejection(new PackedBytes()
                .header("Tiny", "f00d", 10, 3, 2).dense(7, 10, 2, 9).withChecksum()));
    }

    @Test
    void rejectsPaddingBitsNonFiniteValuesAndDamage() {
        assertEquals("packed model's layer hidden weights of unit 1 has padding bits set beyond its inputs",
                rejection(new PackedBytes().header("Tiny", "f00d", 10, 3, 2)
                        .dense(1, 10, 2, 1).raw(0, 0, 0, 0x04).withChecksum()));
        assertEquals("packed model's layer hidden shift[1] is not finite: NaN",
                rejection(new PackedBytes().header("Tiny", "f00d", 10, 3, 2).dense(1, 10, 2, 1)
                        .signs(new boolean[2][10]).f24s(1, 1).f24s(0, Float.NaN).withChecksum()));
        byte[] corrupt = tiny();
        corrupt[corrupt.length - 20] ^= 1;
        String checksum = rejection(corrupt);
        assertTrue(checksum.matches("packed model is corrupt: checksum mismatch, stored [0-9a-f]{8}, computed"
                + " [0-9a-f]{8}"), checksum);
        byte[] longer = Arrays.copyOf(tiny(), tiny().length + 1);
        assertEquals("packed model is longer than the network it declares: bytes follow the checksum",
                rejection(longer));
    }

    @Test
    void reportsTheSectionATruncatedFileEndsIn() {
        byte[] whole = tiny();
        assertEquals("packed model is truncated: it ends while reading the magic",
                rejection(Arrays.copyOf(whole, 2)));
        assertEquals("packed model is truncated: it ends while reading the fingerprint",
                rejection(Arrays.copyOf(whole, 14)));
        assertEquals("packed model is truncated: it ends while reading the layer output weights",
                rejection(Arrays.copyOf(whole, tinyUpToOutputWeights().withoutChecksum().length - 1)));
        assertEquals("packed model is truncated: it ends while reading the checksum",
                rejection(Arrays.copyOf(whole, whole.length - 1)));
    }

    @Test
    void checksConvGeometryFieldByField() throws IOException {
        ConvGeometry geometry = new ConvGeometry(2, 5, 4, 3, 3, 1, 1, 1, 5, 4, 2, 2, 2, 2);
        PackedModelReader.Factory<int[]> factory = in -> {
            in.header("Conv", "c0", 40, 12, 1);
            in.pipeline(40);
            in.classNames(12);
            in.conv("conv", PackedModelFormat.KIND_BINARY_CONV, geometry, PackedModelFormat.ACTIVATION_RELU);
            return GEOMETRY;
        };
        assertArrayEquals(GEOMETRY, PackedModelReader.read(new ByteArrayInputStream(new PackedBytes()
                .header("Conv", "c0", 40, 12, 1).conv(3, GEOMETRY, 1).withChecksum()), factory));
        int[] damaged = GEOMETRY.clone();
        damaged[9] = 5;
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> PackedModelReader.read(
                new ByteArrayInputStream(new PackedBytes().header("Conv", "c0", 40, 12, 1).conv(3, damaged, 1)
                        .withChecksum()), factory));
        assertEquals("packed model's layer conv does not match the network: expected binary conv 2x5x4 -> 3x5x4"
                + " (3x3 stride 1, padding 1 top 1 left), max-pool 2 stride 2 -> 2x2, relu, found binary conv"
                + " 2x5x4 -> 3x5x5 (3x3 stride 1, padding 1 top 1 left), max-pool 2 stride 2 -> 2x2, relu",
                e.getMessage());
        InvalidModelException dense = assertThrows(InvalidModelException.class, () -> PackedModelReader.read(
                new ByteArrayInputStream(new PackedBytes().header("Conv", "c0", 40, 12, 1).dense(1, 40, 12, 1)
                        .withChecksum()), factory));
        assertEquals("packed model's layer conv does not match the network: expected binary conv 2x5x4 -> 3x5x4"
                + " (3x3 stride 1, padding 1 top 1 left), max-pool 2 stride 2 -> 2x2, relu, found a layer of kind"
                + " binary dense 0 -> 0, identity", dense.getMessage());
    }

    @Test
    void aMissingResourceSaysToExport() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> PackedModelReader.readResource(null, "Tiny.bcpk", PackedModelReaderTest.class, Tiny::read));
        assertEquals("no packed model Tiny.bcpk on the classpath next to " + PackedModelReaderTest.class.getName()
                + ": run mvn binaryconnect:export after training to create it", e.getMessage());
    }
}
