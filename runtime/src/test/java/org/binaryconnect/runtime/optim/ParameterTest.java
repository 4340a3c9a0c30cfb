package org.binaryconnect.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ParameterTest {

    @Test
    void binaryParameterPropagatesASeparateArrayAndCarriesHAndScale() {
        INDArray w = Nd4j.createFromArray(new double[][] {{0.1, -0.2}, {0.3, 0.0}});
        Parameter p = Parameter.binary("dense1.W", w, 0.5, 2.0);
        assertTrue(p.isBinary());
        assertSame(w, p.value());
        assertNotSame(w, p.propagated());
        assertArrayEquals(w.shape(), p.propagated().shape());
        assertArrayEquals(w.shape(), p.gradient().shape());
        assertEquals(0.5, p.h());
        assertEquals(2.0, p.learningRateScale());
        assertArrayEquals(new double[4], p.firstMoment().data().asDouble(), 0.0);
        assertArrayEquals(new double[4], p.secondMoment().data().asDouble(), 0.0);
    }

    @Test
    void plainParameterPropagatesItsValueWithUnitScaleAndNoClip() {
        INDArray b = Nd4j.createFromArray(1.0, 2.0);
        Parameter p = Parameter.plain("dense1.b", b);
        assertFalse(p.isBinary());
        assertSame(b, p.propagated());
        assertEquals(0.0, p.h());
        assertEquals(1.0, p.learningRateScale());
    }

    @Test
    void binaryParameterRejectsNonPositiveOrNanHAndScale() {
        INDArray w = Nd4j.createFromArray(0.1, 0.2);
        assertThrows(IllegalArgumentException.class, () -> Parameter.binary("W", w, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Parameter.binary("W", w, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Parameter.binary("W", w, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Parameter.binary("W", w, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Parameter.binary("W", w, 1, Double.NaN));
    }
}
