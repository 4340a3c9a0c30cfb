package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A fully connected layer: {@code z = x Wb + b}, with {@code Wb} the binarized weights when {@link #binary()}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {

    /** Number of output units. */
    int units();

    /**
     * Whether this layer's weights are binarized. Set {@code false} to keep a first or last layer in full
     * precision; ignored when the network's binarization is {@link Binarization#NONE}.
     */
    boolean binary() default true;
}
