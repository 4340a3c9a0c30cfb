package org.binaryconnect.runtime.export;

import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * The fault an export's check must catch, for the tests: a packed model that differs from the trained network yet
 * is intact (its checksum recomputed), as a bug in the exporter or a stale generated reader would make it. Without
 * its system property it changes nothing; like {@link org.binaryconnect.runtime.io.FaultInjection}, it lets a whole
 * build (the Invoker scenario) show the failure, which no other input can provoke.
 *
 * <p>{@code -Dbinaryconnect.faultTest.tamperPackedModel=true} on the export JVM: the sign bits of the last layer's
 * scales are flipped before the check, so each class's score is its shift minus what it was above the shift: the
 * argmax becomes nearly an argmin. (Negating one class's score alone left some small networks' predictions as
 * they were.)
 */
final class PackedModelFault {

    static final String PROPERTY = "binaryconnect.faultTest.tamperPackedModel";
    private static final int CHECKSUM_BYTES = 8;
    private static final int F24_BYTES = 3;

    private PackedModelFault() {
    }

    /** The tampering the system property asks for, or none. */
    static UnaryOperator<byte[]> fromSystemProperty(PackedModel model) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return UnaryOperator.identity();
        }
        int units = model.layers().get(model.layers().size() - 1).units();
        return packed -> flipScalesOfLastLayer(packed, units);
    }

    /**
     * A copy of {@code packed} with the signs of the last layer's scales flipped and the checksum recomputed. The
     * last layer's scales and shifts ({@code lastUnits} f24 each) end the file before its checksum.
     */
    static byte[] flipScalesOfLastLayer(byte[] packed, int lastUnits) {
        byte[] tampered = packed.clone();
        int firstScale = tampered.length - CHECKSUM_BYTES - 2 * F24_BYTES * lastUnits;
        for (int unit = 0; unit < lastUnits; unit++) {
            // an f24's first byte holds the float's sign bit
            tampered[firstScale + F24_BYTES * unit] ^= (byte) 0x80;
        }
        CRC32 crc = new CRC32();
        crc.update(tampered, 0, tampered.length - CHECKSUM_BYTES);
        ByteBuffer.wrap(tampered, tampered.length - CHECKSUM_BYTES, CHECKSUM_BYTES).putLong(crc.getValue());
        return tampered;
    }
}
