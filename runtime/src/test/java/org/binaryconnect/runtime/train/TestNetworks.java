package org.binaryconnect.runtime.train;

import org.nd4j.linalg.api.buffer.DataType;

/** Generated-network stand-ins that {@link NetworkClasses} and the command line create by name. */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** Declares its seed only through {@code description()}, not as a constant, as a generated class might. */
    public static final class WithoutDescriptionConstant extends ForwardingNetwork {

        static final long DECLARED_SEED = 4242;

        private final long seed;

        public WithoutDescriptionConstant(DataType dataType, long seed) {
            super(new LinearSoftmaxNetwork(dataType, seed, LinearSoftmaxNetwork.description(
                    "linear: dense 16 -> 3, full precision, softmax", new TrainingDefaults(2, 0.5, 0.05, 60,
                            DECLARED_SEED))));
            this.seed = seed;
        }

        long seed() {
            return seed;
        }
    }

    /** Its constructor fails the way a bug in generated code would. */
    public static final class FailingToInitialise extends LinearSoftmaxNetwork {

        public FailingToInitialise(DataType dataType, long seed) {
            super(dataType, seed);
            throw new IllegalStateException("buffer sizes disagree");
        }
    }

    /** Lacks the (DataType, long) constructor. */
    public static final class WrongConstructor extends LinearSoftmaxNetwork {

        public WrongConstructor(long seed) {
            super(DataType.FLOAT, seed);
        }
    }
}
