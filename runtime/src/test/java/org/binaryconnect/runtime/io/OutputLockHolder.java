package org.binaryconnect.runtime.io;

import java.nio.file.Path;

/** Another process for {@link OutputLockTest}: takes the lock of the directory in args[0] and keeps it. */
public final class OutputLockHolder {

    private OutputLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        OutputLock lock = OutputLock.acquire(Path.of(args[0]), "training");
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(60_000);
        lock.close();
    }
}
