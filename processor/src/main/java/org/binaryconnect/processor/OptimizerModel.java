package org.binaryconnect.processor;

/** The optimizer a network trains with. */
sealed interface OptimizerModel {

    /** A readable summary for reports, e.g. {@code adam(beta1=0.9, beta2=0.999, epsilon=1.0E-8)}. */
    String summary();

    record Adam(double beta1, double beta2, double epsilon) implements OptimizerModel {
        @Override
        public String summary() {
            return "adam(beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
        }
    }

    record Sgd(double momentum) implements OptimizerModel {
        @Override
        public String summary() {
            return "sgd(momentum=" + momentum + ")";
        }
    }
}
