package org.binaryconnect.runtime.optim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.binaryconnect.dsl.Binarization;

/**
 * Whether this JVM can run {@link VectorizedAdam}: the incubating module {@code jdk.incubator.vector} is resolved
 * ({@code --add-modules jdk.incubator.vector}, which the plugin adds to the training JVM), the CPU has 512-bit
 * vectors, the kernel links and runs (its {@code ByteBuffer} methods exist in JDK 16 to 18 only), and
 * {@code -Dbinaryconnect.vectorApi=false} was not given. Otherwise optimizers take their scalar path, which gives
 * the same results. This class refers to no incubator class itself, so it loads in any JVM.
 */
final class VectorApi {

    static final String MODULE = "jdk.incubator.vector";
    static final String SWITCH = "binaryconnect.vectorApi";

    private static final boolean AVAILABLE = probe();

    private VectorApi() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH, "true"))
                || ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return false;
        }
        try {
            if (!VectorizedAdam.fastOnThisMachine()) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.allocate(VectorizedAdam.LANES * Float.BYTES).order(ByteOrder.nativeOrder());
            VectorizedAdam.update(buffer, buffer.duplicate(), buffer.duplicate(), buffer.duplicate(),
                    buffer.duplicate(), 0, VectorizedAdam.LANES,
                    new AdamStep(0.9f, 0.999f, 1e-8f, 1e-3f, 1f, 1f), Binarization.STOCHASTIC, 1);
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
