package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.runtime.nn.Binarize;
import org.binaryconnect.runtime.nn.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A binary parameter that asks its optimizer to binarize it after each update gets exactly the binary weights
 * that a separate binarization pass of the updated W would give, with the same random draws, in both precisions
 * and across the two threads the update is split over (60,000 weights).
 */
class BinarizationAfterUpdateTest {

    @ParameterizedTest
    @CsvSource({"DETERMINISTIC, FLOAT", "STOCHASTIC, FLOAT", "DETERMINISTIC, DOUBLE", "STOCHASTIC, DOUBLE"})
    void fusedBinarizationEqualsASeparatePass(Binarization mode, DataType type) {
        INDArray initial = Nd4j.rand(DataType.DOUBLE, 300, 200).subi(0.5).castTo(type);
        INDArray gradient = Nd4j.rand(DataType.DOUBLE, 300, 200).subi(0.5).castTo(type);
        Parameter fused = Parameter.binary("fused", initial.dup(), 0.5, 20, mode, new Rng(77));
        Parameter separate = Parameter.binary("separate", initial.dup(), 0.5, 20);
        fused.gradient().assign(gradient);
        separate.gradient().assign(gradient);

        new AdamOptimizer(0.9, 0.999, 1e-8).update(List.of(fused), 1e-3);
        new AdamOptimizer(0.9, 0.999, 1e-8).update(List.of(separate), 1e-3);
        Rng rng = new Rng(77);
        if (mode == Binarization.STOCHASTIC) {
            Binarize.stochastic(separate.value(), separate.propagated(), 0.5, rng);
        } else {
            Binarize.deterministic(separate.value(), separate.propagated(), 0.5);
        }

        assertEquals(separate.value(), fused.value(), "the update itself");
        assertEquals(separate.propagated(), fused.propagated(), "the binary weights");
        assertEquals(0.5, fused.propagated().amaxNumber().doubleValue(), 0.0);
        assertNotEquals(fused.value(), fused.propagated());
    }
}
