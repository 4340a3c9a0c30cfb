package org.binaryconnect.runtime.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault injection point for the crash tests: with {@code -Dbinaryconnect.crashTest.haltWriting=<file name>:<n>},
 * the n-th write of that file in this JVM stops halfway through its temporary file and halts the JVM at once
 * (no shutdown hooks, no cleanup), as a power cut or the kernel's out-of-memory killer would. Without the property
 * it does nothing. Killing a process from outside at random moments seldom lands inside a write that takes a
 * millisecond; this lands there every time.
 */
final class CrashPoint {

    static final String PROPERTY = "binaryconnect.crashTest.haltWriting";
    /** The exit code of a JVM halted here, for the tests to tell it from other deaths. */
    static final int HALT_STATUS = 86;

    private static final ConcurrentHashMap<String, AtomicInteger> WRITES = new ConcurrentHashMap<>();

    private CrashPoint() {
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
