package org.binaryconnect.processor.inference;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.binaryconnect.inference.InvalidModelException;
import org.binaryconnect.processor.specs.TinyInferenceNetInference;
import org.binaryconnect.processor.specs.WideInferenceNetInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Everything docs/packed-model-format.md says a reader rejects: each gives a clear exception, never a model. */
class PackedModelRejectionTest {

    private static String rejected(byte[] bytes) {
        InvalidModelException e = assertThrows(
                InvalidModelException.class,
                () -> TinyInferenceNetInference.load(new ByteArrayInputStream(bytes)));
        return e.getMessage();
    }

    private static String rejected(Consumer<PackedModelBuilder> change) {
        PackedModelBuilder model = GeneratedInferenceTest.tiny(1);
        change.accept(model);
        return rejected(model.bytes());
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + message + "' does not contain '" + part + "'");
        }
    }

    @Test
    void wrongMagic() {
        assertContains(rejected(model -> model.magic = 0x504b0304), "not a packed BinaryConnect model",
                "0x504b0304", "0x4243504b");
    }

    @Test
    void unknownVersion() {
        assertContains(rejected(model -> model.version = 5), "format version 5", "reads version 4");
        // version 3 (no input pipeline), 2 (dense layers only) and 1 (word-aligned signs, float32 scale and shift)
        // are refused, not misread
        assertContains(rejected(model -> model.version = 3), "format version 3", "reads version 4",
                "export the model with the BinaryConnect version that generated this class");
        assertContains(rejected(model -> model.version = 2), "format version 2", "reads version 4",
                "export the model with the BinaryConnect version that generated this class");
        assertContains(rejected(model -> model.version = 1), "format version 1", "reads version 4",
                "export the model with the BinaryConnect version that generated this class");
    }

    @Test
    void otherNetwork() {
        assertContains(rejected(model -> model.name = "FashionMlp"), "for network FashionMlp",
                "expected TinyInferenceNet");
    }

    @Test
    void wrongFingerprint() {
        assertContains(rejected(model -> model.fingerprint = "00112233445566778899aabbccddeeff"),
                "fingerprint 00112233445566778899aabbccddeeff",
                "expected " + TinyInferenceNetInference.FINGERPRINT, "train and export it again");
    }

    @Test
    void wrongInputSizeClassesAndLayerCount() {
        assertContains(rejected(model -> model.inputSize = 6), "input size is 6, expected 5");
        assertContains(rejected(model -> model.classes = 4), "classes is 4, expected 3");
        assertContains(rejected(model -> model.layers.remove(1)), "layer count is 2, expected 3");
    }

    @Test
    void wrongLayerShape() {
        assertContains(rejected(model -> {
            PackedModelBuilder.Layer hidden = model.layers.get(0);
            model.layers.set(0, new PackedModelBuilder.Layer(true, 5, 6, true, 1f, hidden.weights(),
                    Arrays.copyOf(hidden.scale(), 6), Arrays.copyOf(hidden.shift(), 6)));
        }), "layer hidden does not match", "expected binary dense 5 -> 7, relu", "found binary dense 5 -> 6, relu");
        assertContains(rejected(model -> {
            PackedModelBuilder.Layer middle = model.layers.get(1);
            model.layers.set(1, new PackedModelBuilder.Layer(true, 7, 4, true, 1f, middle.weights(), middle.scale(),
                    middle.shift()));
        }), "layer middle does not match", "expected full-precision dense 7 -> 4, relu",
                "found binary dense 7 -> 4, relu");
        assertContains(rejected(model -> {
            PackedModelBuilder.Layer output = model.layers.get(2);
            model.layers.set(2, new PackedModelBuilder.Layer(true, 4, 3, true, 1f, output.weights(), output.scale(),
                    output.shift()));
        }), "layer output does not match", "expected binary dense 4 -> 3, identity");
    }

    @Test
    void nonFiniteParameters() {
        assertContains(rejected(model -> model.layers.get(1).shift()[2] = Float.NaN),
                "layer middle shift[2] is not finite");
    }

    @Test
    void truncatedAnywhere() {
        byte[] bytes = GeneratedInferenceTest.tiny(1).bytes();
        assertContains(rejected(new byte[0]), "truncated", "magic");
        assertContains(rejected(Arrays.copyOf(bytes, 5)), "truncated", "format version");
        assertContains(rejected(Arrays.copyOf(bytes, 9)), "truncated", "network name");
        assertContains(rejected(Arrays.copyOf(bytes, bytes.length - 8)), "truncated", "checksum");
        assertContains(rejected(Arrays.copyOf(bytes, bytes.length - 9)), "truncated", "layer output shift");
        // every other length too: never a model from a prefix
        IntStream.range(0, bytes.length).forEach(length -> assertContains(rejected(Arrays.copyOf(bytes, length)),
                "packed model is truncated: it ends while reading the "));
    }

    @Test
    void bytesAfterTheChecksum() {
        byte[] bytes = GeneratedInferenceTest.tiny(1).bytes();
        assertContains(rejected(Arrays.copyOf(bytes, bytes.length + 1)), "bytes follow the checksum");
    }

    @Test
    void flippedByteInTheWeightsFailsTheChecksum() {
        byte[] bytes = GeneratedInferenceTest.tiny(1).bytes();
        // the last byte of the last shift: its lowest stored mantissa bits, so the value stays finite and only the
        // checksum tells
        bytes[bytes.length - 9] ^= 0x01;
        assertContains(rejected(bytes), "checksum mismatch");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x80, 0xff})
    void everyFlippedByteIsRejected(int mask) {
        byte[] bytes = GeneratedInferenceTest.tiny(2).bytes();
        for (int i = 0; i < bytes.length; i++) {
            byte[] corrupt = bytes.clone();
            corrupt[i] ^= (byte) mask;
            rejected(corrupt);
        }
    }

    @Test
    void paddingBitsMustBeZero() {
        byte[] bytes = GeneratedInferenceTest.wide(1).bytes();
        // the header with the default input pipeline (9 bytes) and no class names (4), then layer hidden's header
        // (14 bytes); unit 0's 17th byte holds inputs 128-129 in its low bits, bit 7 is padding
        int header = 4 + 2 + 2 + "WideInferenceNet".length() + 2 + 32 + 12 + 9 + 4;
        int lastByteOfUnit0 = header + 14 + 16;
        bytes[lastByteOfUnit0] ^= (byte) 0x80;
        InvalidModelException e = assertThrows(
                InvalidModelException.class,
                () -> WideInferenceNetInference.load(new ByteArrayInputStream(bytes)));
        assertContains(e.getMessage(), "layer hidden weights of unit 0 has padding bits set");
    }
}
