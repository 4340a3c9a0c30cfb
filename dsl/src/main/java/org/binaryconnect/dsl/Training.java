package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The training schedule. The learning rate starts at {@link #learningRateStart()} and is multiplied after
 * every epoch by {@code (end / start)^(1 / epochs)}, reaching {@link #learningRateEnd()} after the last one.
 * Epochs, learning rates and seed can be overridden when training (see the Maven plugin); the batch size is
 * compiled into the generated buffers.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Training {

    int batchSize() default 100;

    int epochs() default 250;

    double learningRateStart() default 1e-3;

    double learningRateEnd() default 3e-6;

    /** The last this many training samples are held out for validation (the authors: 10,000 of 60,000). */
    int validationSamples() default 10000;

    /** Seed of weight initialisation, shuffling, dropout and stochastic binarization. */
    long seed() default 1234;
}
