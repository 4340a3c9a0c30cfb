package org.binaryconnect.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.IdxFiles;
import org.binaryconnect.runtime.data.IdxImages;
import org.binaryconnect.runtime.data.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 damaged IDX files of each kind, raw and gzip: each either reads as a file whose declared sizes match what
 * it holds (IDX has no checksum, so changed pixel bytes are still a valid file) or fails with the reader's own
 * {@link DataException}; never another exception, an OutOfMemoryError or a hang. The undamaged file reads back as
 * written, and both outcomes must occur often (at least {@value #MIN_SHARE_PERCENT} % of the cases each), so a reader
 * that rejects everything, or one that accepts everything, fails.
 */
class IdxReaderFuzzTest {

    private static final int CASES = 10_000;
    private static final int MIN_SHARE_PERCENT = 10;

    @TempDir
    Path directory;

    @Test
    void damagedImageFilesFailCleanly() {
        byte[] pixels = new byte[6 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        byte[] valid = IdxFiles.images(6, 4, 5, pixels);
        IdxImages read = IdxReader.readImages(IdxFiles.write(directory.resolve("valid"), valid));
        assertEquals(List.of(6, 4, 5), List.of(read.count(), read.rows(), read.columns()));
        assertArrayEquals(pixels, read.pixels());
        fuzz(valid, true);
    }

    @Test
    void damagedLabelFilesFailCleanly() {
        byte[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 1};
        byte[] valid = IdxFiles.labels(labels);
        assertArrayEquals(labels, IdxReader.readLabels(IdxFiles.write(directory.resolve("valid"), valid)));
        fuzz(valid, false);
    }

    private void fuzz(byte[] raw, boolean images) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Mutations rawMutations = new Mutations(raw, 1);
            Mutations gzipMutations = new Mutations(IdxFiles.gzip(raw), 2);
            Mutations gzippedDamage = new Mutations(raw, 3);
            Path file = directory.resolve("case");
            int accepted = 0;
            int rejected = 0;
            for (int i = 0; i < CASES; i++) {
                byte[] bytes = switch (i % 3) {
                    case 0 -> rawMutations.next();
                    case 1 -> gzipMutations.next();
                    default -> IdxFiles.gzip(gzippedDamage.next());
                };
                IdxFiles.write(file, bytes);
                try {
                    if (images) {
                        IdxImages read = IdxReader.readImages(file);
                        assertEquals((long) read.count() * read.rows() * read.columns(), read.pixels().length,
                                "case " + i + ": sizes and content disagree");
                    } else {
                        IdxReader.readLabels(file);
                    }
                    accepted++;
                } catch (DataException expected) {
                    rejected++; // the reader's own clear error
                }
            }
            int minimum = CASES * MIN_SHARE_PERCENT / 100;
            String counts = accepted + " accepted, " + rejected + " rejected";
            assertTrue(accepted >= minimum, "too few damaged files read (changed pixels are valid IDX): " + counts);
            assertTrue(rejected >= minimum, "too few damaged files refused: " + counts);
        });
    }
}
