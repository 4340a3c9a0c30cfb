package org.binaryconnect.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.IdxFiles;
import org.binaryconnect.runtime.data.IdxImages;
import org.binaryconnect.runtime.data.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 damaged IDX files of each kind, raw and gzip: each either reads as a file whose declared sizes match what
 * it holds (IDX has no checksum, so changed pixel bytes are still a valid file) or fails with the reader's own
 * {@link DataException}; never another exception, an OutOfMemoryError or a hang.
 */
class IdxReaderFuzzTest {

    private static final int CASES = 10_000;

    @TempDir
    Path directory;

    @Test
    void damagedImageFilesFailCleanly() {
        byte[] pixels = new byte[6 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }
        fuzz(IdxFiles.images(6, 4, 5, pixels), true);
    }

    @Test
    void damagedLabelFilesFailCleanly() {
        fuzz(IdxFiles.labels(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 1}), false);
    }

    private void fuzz(byte[] raw, boolean images) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Mutations rawMutations = new Mutations(raw, 1);
            Mutations gzipMutations = new Mutations(IdxFiles.gzip(raw), 2);
            Mutations gzippedDamage = new Mutations(raw, 3);
            Path file = directory.resolve("case");
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
                } catch (DataException expected) {
                    // the reader's own clear error
                }
            }
        });
    }
}
