package org.binaryconnect.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Train with Adam (Kingma and Ba), the default optimizer. Mutually exclusive with {@link Sgd}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Adam {

    double beta1() default 0.9;

    double beta2() default 0.999;

    double epsilon() default 1e-8;
}
