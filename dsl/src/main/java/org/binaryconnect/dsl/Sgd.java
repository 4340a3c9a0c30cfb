package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Train with stochastic gradient descent with momentum. Mutually exclusive with {@link Adam}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Sgd {

    /** Momentum coefficient in [0, 1); 0 is plain SGD. */
    double momentum() default 0.9;
}
