package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Max-pooling of a {@link Conv2D} layer's output, right after the convolution and before the layer's batch norm and
 * activation (as the authors' CIFAR-10 network; before a ReLU without batch norm it is the same as pooling after
 * it). Windows of {@link #value()} x {@link #value()}, no padding; windows that would cross the border are dropped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool {

    /** Height and width of the pooling window. */
    int value();

    /** Step between two windows; 0, the default, means the window size (windows that do not overlap). */
    int stride() default 0;
}
