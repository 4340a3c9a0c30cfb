package org.binaryconnect.runtime.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one way the project writes a file: into a temporary file in the same directory, forced to disk, moved over the
 * target in one atomic rename, and the directory forced so that the rename itself survives a power cut. A reader (a
 * browser on the report, a plot following a run, a jar being packaged, a resumed run) sees the old file or the new
 * one, never half of one; a failed write leaves the old file as it was and no temporary file behind.
 *
 * <p>Temporary files are named {@code .<file name>.<pid>.<nanos>.tmp}: the leading dot keeps them out of globs such
 * as {@code *.png}, the process id lets {@link #deleteAbandonedWrites} tell a dead writer's file from a live one's.
 */
public final class AtomicFiles {

    /** What goes into the file, as a stream; the stream is closed by {@link AtomicFiles}, not by the writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * What goes into the file, written to the temporary file's channel (positioned at 0) by a writer that manages
     * its own buffers; the channel is forced and closed by {@link AtomicFiles}.
     */
    @FunctionalInterface
    public interface ChannelContent {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** The file-system steps that make a write durable, replaceable so that a test can see each one happen. */
    interface Disk {

        /** Forces the temporary file's content and metadata to the device. */
        default void force(Path temporary, FileChannel channel) throws IOException {
            channel.force(true);
        }

        default void move(Path source, Path target, CopyOption... options) throws IOException {
            Files.move(source, target, options);
        }

        /**
         * Forces {@code directory}'s entries to the device. Linux opens a directory for this; where the platform
         * cannot open one (Windows), the rename is as durable as the file system makes it, and that alone is ignored.
         */
        default void forceDirectory(Path directory) throws IOException {
            FileChannel channel;
            try {
                channel = FileChannel.open(directory, StandardOpenOption.READ);
            } catch (IOException | UnsupportedOperationException e) {
                return;
            }
            try (channel) {
                channel.force(true);
            }
        }
    }

    private static final AtomicFiles DURABLE = new AtomicFiles(new Disk() { });
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)\\.\\d+\\.tmp");

    private final Disk disk;

    AtomicFiles(Disk disk) {
        this.disk = disk;
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        DURABLE.replace(file, bytes);
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path file, String text) throws IOException {
        DURABLE.replace(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes what {@code content} streams, creating the directory; on any failure {@code file} is untouched. */
    public static void write(Path file, Content content) throws IOException {
        DURABLE.replaceStreamed(file, content);
    }

    /** Like {@link #write(Path, Content)}, for writers of a {@link FileChannel}. */
    public static void writeChannel(Path file, ChannelContent content) throws IOException {
        DURABLE.replaceByChannel(file, content);
    }

    /**
     * Moves {@code source} (a file or a directory) over {@code target} in the same directory in one atomic rename
     * where the file system has one, and forces the directory.
     */
    public static void move(Path source, Path target) throws IOException {
        DURABLE.moveIntoPlace(source, target);
    }

    /**
     * Deletes the temporary files that writers which died mid-write left in {@code directory} (their process is
     * gone); those of a process still alive are kept.
     */
    public static void deleteAbandonedWrites(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher name = TEMPORARY.matcher(file.getFileName().toString());
                if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    void replace(Path file, byte[] bytes) throws IOException {
        replaceStreamed(file, out -> out.write(bytes));
    }

    void replaceStreamed(Path file, Content content) throws IOException {
        replaceByChannel(file, channel -> {
            OutputStream buffered = new BufferedOutputStream(new UnclosedChannelStream(channel), 1 << 16);
            content.writeTo(buffered);
            buffered.flush();
        });
    }

    void replaceByChannel(Path file, ChannelContent content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its owner-only permissions would carry over to the file.
        Path temporary = directory.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                FaultInjection.beforeRename(file.getFileName().toString(), channel);
                disk.force(temporary, channel);
            }
            rename(temporary, file);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        disk.forceDirectory(directory);
    }

    void moveIntoPlace(Path source, Path target) throws IOException {
        rename(source, target);
        disk.forceDirectory(target.toAbsolutePath().getParent());
    }

    private void rename(Path source, Path target) throws IOException {
        try {
            disk.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so only file systems without an atomic rename get here: a plain replace is the best left.
            disk.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The channel as a stream whose {@code close} leaves the channel open, to be forced after the content. */
    private static final class UnclosedChannelStream extends FilterOutputStream {

        UnclosedChannelStream(FileChannel channel) {
            super(Channels.newOutputStream(channel));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
