package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalization of the layer's output, before its activation, with the authors' semantics:
 * {@code y = (x - mean) * gamma / (std + epsilon) + beta} on batch statistics while training, and running
 * statistics updated as {@code running = (1 - alpha) * running + alpha * batch} for evaluation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNorm {

    /** Weight of the current batch in the running mean and standard deviation; in (0, 1]. */
    double alpha() default 0.15;

    /** Added to the standard deviation before dividing; positive. */
    double epsilon() default 1e-4;
}
