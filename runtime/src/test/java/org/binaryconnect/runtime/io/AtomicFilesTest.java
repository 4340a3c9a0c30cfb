package org.binaryconnect.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNothingElse() throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");

        AtomicFiles.writeString(file, "new \u00e9");

        assertEquals("new \u00e9", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("report.html"), names(dir));
    }

    @Test
    void createsTheDirectory() throws IOException {
        Path file = dir.resolve("a/b/metrics.json");

        AtomicFiles.write(file, new byte[] {1, 2, 3});

        assertEquals(3, Files.size(file));
    }

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "the previous report");

        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("half of the new rep".getBytes(StandardCharsets.UTF_8));
            throw new IOException("injected: disk full");
        }));

        assertEquals("injected: disk full", thrown.getMessage());
        assertEquals("the previous report", Files.readString(file));
        assertEquals(List.of("metrics.json"), names(dir));
    }

    @Test
    void aRuntimeFailureLeavesNoTemporaryFileEither() throws IOException {
        Path file = dir.resolve("chart.png");

        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write(42);
            throw new IllegalStateException("injected");
        }));

        assertEquals(List.of(), names(dir));
    }

    @Test
    void forcesTheWholeFileBeforeTheRenameAndTheDirectoryAfterIt() throws IOException {
        Path file = dir.resolve("model.bin");
        Files.writeString(file, "old");
        List<String> steps = new ArrayList<>();
        AtomicFiles files = new AtomicFiles(new AtomicFiles.Disk() {
            @Override
            public void force(Path temporary, FileChannel channel) throws IOException {
                steps.add("force " + temporary.getFileName() + " holding " + channel.size() + " bytes, target "
                        + Files.readString(file));
                AtomicFiles.Disk.super.force(temporary, channel);
            }

            @Override
            public void move(Path source, Path target, CopyOption... options) throws IOException {
                steps.add("move to " + target.getFileName());
                AtomicFiles.Disk.super.move(source, target, options);
            }

            @Override
            public void forceDirectory(Path directory) throws IOException {
                steps.add("force directory " + directory + ", target " + Files.readString(file));
                AtomicFiles.Disk.super.forceDirectory(directory);
            }
        });

        files.replace(file, new byte[] {1, 2, 3, 4, 5});

        assertEquals(3, steps.size(), steps.toString());
        assertTrue(steps.get(0).matches("force \\.model\\.bin\\.\\d+\\.\\d+\\.tmp holding 5 bytes, target old"),
                steps.get(0));
        assertEquals("move to model.bin", steps.get(1));
        assertEquals("force directory " + dir.toAbsolutePath() + ", target \u0001\u0002\u0003\u0004\u0005",
                steps.get(2));
        assertEquals(List.of("model.bin"), names(dir));
    }

    @Test
    void fallsBackToAPlainReplaceWhereTheFileSystemHasNoAtomicRename() throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        List<List<CopyOption>> moves = new ArrayList<>();
        AtomicFiles files = new AtomicFiles(new AtomicFiles.Disk() {
            @Override
            public void move(Path source, Path target, CopyOption... options) throws IOException {
                moves.add(Arrays.asList(options));
                if (moves.get(moves.size() - 1).contains(StandardCopyOption.ATOMIC_MOVE)) {
                    throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "injected");
                }
                AtomicFiles.Disk.super.move(source, target, options);
            }
        });

        files.replace(file, "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(file));
        assertEquals(List.of("report.html"), names(dir));
        assertEquals(List.of(List.of(StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING),
                List.of(StandardCopyOption.REPLACE_EXISTING)), moves);
    }

    @Test
    void aFailedForceLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("checkpoint.bin");
        Files.writeString(file, "the previous checkpoint");
        AtomicFiles files = new AtomicFiles(new AtomicFiles.Disk() {
            @Override
            public void force(Path temporary, FileChannel channel) throws IOException {
                throw new IOException("injected: Input/output error");
            }
        });

        assertThrows(IOException.class, () -> files.replace(file, new byte[1000]));

        assertEquals("the previous checkpoint", Files.readString(file));
        assertEquals(List.of("checkpoint.bin"), names(dir));
    }

    @Test
    void aStreamedWriteThatClosesItsStreamIsStillForcedWhole() throws IOException {
        Path file = dir.resolve("chart.png");
        long[] forcedSize = {-1};
        AtomicFiles files = new AtomicFiles(new AtomicFiles.Disk() {
            @Override
            public void force(Path temporary, FileChannel channel) throws IOException {
                forcedSize[0] = channel.size();
                AtomicFiles.Disk.super.force(temporary, channel);
            }
        });

        files.replaceStreamed(file, out -> {
            for (int i = 0; i < 100_000; i++) {
                out.write(i);
            }
            out.close();
        });

        assertEquals(100_000, forcedSize[0]);
        assertEquals(100_000, Files.size(file));
    }

    @Test
    void aDirectoryThatCannotBeOpenedIsNotForcedAndThatIsNoError() throws IOException {
        new AtomicFiles.Disk() { }.forceDirectory(dir.resolve("not-there"));
    }

    @Test
    void movesADirectoryIntoPlace() throws IOException {
        Path scratch = Files.createDirectories(dir.resolve(".unpack-1/cifar-10-batches-bin"));
        Files.writeString(scratch.resolve("data_batch_1.bin"), "batch");

        AtomicFiles.move(scratch, dir.resolve("cifar-10-batches-bin"));

        assertEquals("batch", Files.readString(dir.resolve("cifar-10-batches-bin/data_batch_1.bin")));
        assertFalse(Files.exists(scratch));
    }

    @Test
    void deletesTheTemporaryFilesOfDeadWritersOnly() throws IOException {
        long alive = ProcessHandle.current().pid();
        long dead = 999_999_999L;
        for (String name : List.of(".model.bin." + dead + ".17.tmp", ".metrics.csv." + dead + ".18.tmp",
                ".model.bin." + alive + ".19.tmp", "model.bin", ".hidden." + dead + ".tmp.keep")) {
            Files.writeString(dir.resolve(name), name);
        }

        AtomicFiles.deleteAbandonedWrites(dir);

        assertEquals(List.of(".hidden." + dead + ".tmp.keep", ".model.bin." + alive + ".19.tmp", "model.bin"),
                names(dir));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
