package org.binaryconnect.runtime.optim;

/**
 * The single-precision constants of one Adam update of one parameter, rounded to float once, as the float path
 * computes with them: {@code stepSize} is {@code lr sqrt(1 - b2^t) / (1 - b1^t)}, {@code h} the clip bound (0 for
 * a plain parameter).
 */
record AdamStep(float beta1, float beta2, float epsilon, float stepSize, float learningRateScale, float h) {
}
