package org.binaryconnect.processor.inference;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.binaryconnect.inference.InvalidModelException;
import org.binaryconnect.processor.specs.WideInferenceNetInference;
import org.binaryconnect.runtime.fuzz.Mutations;
import org.junit.jupiter.api.Test;

/**
 * 10,000 damaged packed models read by a generated inference class: truncations, bit flips, random bytes, garbage,
 * 32-bit fields overwritten with huge, negative or zero sizes, and trailing bytes. Every one ends in the class's own
 * {@code InvalidModelException}: never another exception, an OutOfMemoryError, a hang or a model.
 */
class PackedModelFuzzTest {

    private static final int CASES = 10_000;

    @Test
    void damagedPackedModelsAreAllRejected() {
        byte[] valid = GeneratedInferenceTest.wide(3).bytes();
        Mutations mutations = new Mutations(valid, 7);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] damaged = mutations.next();
                try {
                    WideInferenceNetInference.load(new ByteArrayInputStream(damaged));
                    fail("case " + i + ": a damaged file (" + damaged.length + " bytes) loaded as a model");
                } catch (InvalidModelException expected) {
                    // the reader's own error
                } catch (Throwable e) {
                    fail("case " + i + " ended in " + e, e);
                }
            }
        });
    }
}
