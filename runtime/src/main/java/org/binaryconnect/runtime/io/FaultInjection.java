package org.binaryconnect.runtime.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection points for the reliability tests; without their system properties they do nothing.
 *
 * <ul>
 * <li>{@code -Dbinaryconnect.crashTest.haltWriting=<file name>:<n>}: the n-th write of that file in this JVM stops
 * halfway through its temporary file and halts the JVM at once (no shutdown hooks, no cleanup), as a power cut or
 * the kernel's out-of-memory killer would. Killing a process from outside at random moments seldom lands inside a
 * write that takes a millisecond; this lands there every time.
 * <li>{@code -Dbinaryconnect.faultTest.diskFullWriting=<file name>}: every write of that file fails after its first
 * 256 bytes as a full disk fails it ({@code No space left on device}).
 * </ul>
 */
public final class FaultInjection {

    static final String PROPERTY = "binaryconnect.crashTest.haltWriting";
    static final String DISK_FULL_PROPERTY = "binaryconnect.faultTest.diskFullWriting";
    static final long DISK_FULL_AFTER_BYTES = 256;
    /** The exit code of a JVM halted here, for the tests to tell it from other deaths. */
    static final int HALT_STATUS = 86;

    private static final ConcurrentHashMap<String, AtomicInteger> WRITES = new ConcurrentHashMap<>();

    private FaultInjection() {
    }

    /** Called before each write to the temporary file of {@code fileName}, with the bytes written so far. */
    public static void beforeWrite(String fileName, long written) throws IOException {
        if (written >= DISK_FULL_AFTER_BYTES && fileName.equals(System.getProperty(DISK_FULL_PROPERTY))) {
            throw new IOException("No space left on device");
        }
    }

    /** Called with the temporary file complete but not yet forced or renamed. */
    static void beforeRename(String fileName, FileChannel temporary) throws IOException {
        String armed = System.getProperty(PROPERTY);
        if (armed == null) {
            return;
        }
        int colon = armed.lastIndexOf(':');
        if (colon < 0 || !armed.substring(0, colon).equals(fileName)) {
            return;
        }
        int write = WRITES.computeIfAbsent(fileName, name -> new AtomicInteger()).incrementAndGet();
        if (write == Integer.parseInt(armed.substring(colon + 1))) {
            temporary.truncate(temporary.size() / 2);
            temporary.force(true);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
