package org.binaryconnect.runtime.io;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The exclusive hold of one process on a network's output directory while it trains, evaluates or exports there.
 *
 * <p>The hold is an operating-system lock on {@value #FILE_NAME} in the directory, so it ends with its process
 * however that process ends (a SIGKILL included): there is never a stale lock to remove by hand. The file itself
 * stays and says who held it last; only the lock counts.
 */
public final class OutputLock implements AutoCloseable {

    public static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the directory, creating it if needed, for {@code activity} (such as {@code "training"}).
     *
     * @throws OutputLockedException at once when another process (or this one) holds it, naming the holder
     */
    public static OutputLock acquire(Path directory, String activity) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new OutputLockedException(directory, holder);
        }
        try {
            byte[] text = (activity + " by process " + ProcessHandle.current().pid() + " on host " + hostName()
                    + " since " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new OutputLock(channel, lock);
    }

    /** Ends the hold; the directory is free for the next process. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** What the holder wrote when it took the lock; a placeholder in the instant before it has written. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "another process (which has not yet said which)" : text;
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
