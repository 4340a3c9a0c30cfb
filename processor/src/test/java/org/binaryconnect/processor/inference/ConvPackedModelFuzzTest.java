package org.binaryconnect.processor.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.binaryconnect.inference.InvalidModelException;
import org.binaryconnect.processor.specs.ConvInferenceNetInference;
import org.binaryconnect.runtime.export.PackedModelWriter;
import org.binaryconnect.runtime.fuzz.Mutations;
import org.junit.jupiter.api.Test;

/**
 * Damaged packed models of a conv network, exported by {@link PackedModelWriter}, read by its generated inference
 * class: every truncation, every single flipped bit, a version 2 file, and 10,000 random mutations end in the
 * class's own {@code InvalidModelException} with a message naming the problem, never in a model.
 */
class ConvPackedModelFuzzTest {

    private static byte[] valid() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PackedModelWriter.write(ConvInferenceTest.randomNetwork(11), out);
        return out.toByteArray();
    }

    private static String rejection(byte[] bytes) {
        try {
            ConvInferenceNetInference.load(new ByteArrayInputStream(bytes));
        } catch (InvalidModelException e) {
            return e.getMessage();
        } catch (Throwable e) {
            return fail("ended in " + e + " instead of the reader's own error", e);
        }
        return fail("a damaged file (" + bytes.length + " bytes) loaded as a model");
    }

    @Test
    void theValidFileLoads() throws IOException {
        ConvInferenceNetInference.load(new ByteArrayInputStream(valid()));
    }

    @Test
    void everyTruncationIsRejectedAsTruncated() throws IOException {
        byte[] valid = valid();
        for (int length = 0; length < valid.length; length++) {
            String message = rejection(Arrays.copyOf(valid, length));
            assertTrue(message.contains("truncated") || length < 4 && message.contains("magic"),
                    "length " + length + ": " + message);
        }
    }

    @Test
    void everyFlippedBitIsRejected() throws IOException {
        byte[] valid = valid();
        for (int i = 0; i < valid.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = valid.clone();
                damaged[i] ^= (byte) (1 << bit);
                rejection(damaged);
            }
        }
    }

    @Test
    void aVersionThreeFileIsRejectedByItsVersion() throws IOException {
        byte[] damaged = valid();
        damaged[5] = 3;
        assertEquals("unsupported packed model format version 3: this class reads version 4; export the model with"
                + " the BinaryConnect version that generated this class", rejection(damaged));
    }

    @Test
    void aChangedGeometryIsRejectedByName() throws IOException {
        byte[] damaged = valid();
        // the first layer's header follows magic, version, the two strings, three ints, the default input pipeline
        // (two floats and the steps byte) and the class name count; its kind byte, then channels: change the
        // channels from 2 to 3
        int layer = 4 + 2 + 2 + "ConvInferenceNet".length() + 2 + 32 + 12 + 9 + 4;
        assertEquals(3, damaged[layer], "the binary conv kind byte");
        damaged[layer + 4] = 3;
        String message = rejection(damaged);
        assertTrue(message.startsWith("packed model's layer conv1 does not match the network: expected binary conv"
                + " 2x11x9 -> 7x6x5"), message);
        assertTrue(message.contains("found binary conv 3x11x9"), message);
    }

    @Test
    void randomMutationsAreAllRejected() throws IOException {
        Mutations mutations = new Mutations(valid(), 13);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 10_000; i++) {
                byte[] damaged = mutations.next();
                try {
                    ConvInferenceNetInference.load(new ByteArrayInputStream(damaged));
                    fail("case " + i + ": a damaged file (" + damaged.length + " bytes) loaded as a model");
                } catch (InvalidModelException expected) {
                    assertTrue(expected.getMessage().startsWith("packed model")
                            || expected.getMessage().startsWith("not a packed")
                            || expected.getMessage().startsWith("unsupported packed"), expected.getMessage());
                } catch (Throwable e) {
                    fail("case " + i + " ended in " + e, e);
                }
            }
        });
    }
}
