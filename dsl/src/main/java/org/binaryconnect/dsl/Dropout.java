package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inverted dropout on the layer's output (after its activation) while training: each unit is zeroed with
 * probability {@link #value()} and the survivors are scaled by {@code 1 / (1 - rate)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {

    /** Probability of dropping a unit, in [0, 1). */
    double value();
}
