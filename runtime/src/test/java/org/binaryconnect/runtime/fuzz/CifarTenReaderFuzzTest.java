package org.binaryconnect.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.binaryconnect.runtime.data.CifarTenFiles;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 damaged CIFAR-10 batches. The format has no header and no checksum, so the oracle is exact: a file whose
 * length is a whole, non-zero number of 3073-byte records and whose label bytes are all 0..9 must load with
 * exactly its bytes; every other file must fail with the reader's own {@link DataException}. Never another
 * exception, an OutOfMemoryError or a hang.
 */
class CifarTenReaderFuzzTest {

    private static final int CASES = 10_000;
    private static final int RECORD = 3073;

    @TempDir
    Path directory;

    @Test
    void damagedBatchesFailCleanlyOrLoadExactly() {
        byte[] valid = CifarTenFiles.batch(new byte[] {3, 0, 9}, 11);
        CifarTenFiles.writeDirectory(directory);
        Path file = directory.resolve("test_batch.bin");
        DatasetLoader loader = new DatasetLoader();
        DatasetRequest request = DatasetRequest.of(directory.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Mutations mutations = new Mutations(valid, 7);
            int loaded = 0;
            for (int i = 0; i < CASES; i++) {
                byte[] bytes = mutations.next();
                IdxFiles.write(file, bytes);
                boolean wellFormed = wellFormed(bytes);
                try {
                    Dataset dataset = loader.load(request, 3072, 10);
                    if (!wellFormed) {
                        fail("case " + i + ": a malformed file of " + bytes.length + " bytes was loaded");
                    }
                    assertArrayEquals(expectedLabels(bytes), labels(dataset), "case " + i + ": labels");
                    for (int r = 0; r < bytes.length / RECORD; r++) {
                        int p = (i * 31 + r * 17) % 3072;
                        float expected = -1f + 2f * (bytes[r * RECORD + 1 + p] & 0xff) / 255f;
                        if (Math.abs(dataset.test().feature(r, p) - expected) > 1e-6) {
                            fail("case " + i + ": pixel " + p + " of record " + r + " is wrong");
                        }
                    }
                    loaded++;
                } catch (DataException expected) {
                    if (wellFormed) {
                        fail("case " + i + ": a well-formed file was rejected: " + expected.getMessage());
                    }
                }
            }
            if (loaded == 0) {
                fail("no mutated file was well formed: the oracle's success branch was never tested");
            }
        });
    }

    @Test
    void hugeSparseFileIsRejectedBeforeAllocating() throws Exception {
        CifarTenFiles.writeDirectory(directory);
        Path file = directory.resolve("data_batch_3.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength((long) RECORD * 1_000_000); // 3 GB of holes: 3 GB of pixels would not fit one array
        }

        assertThrows(DataException.class, () -> new DatasetLoader().load(DatasetRequest.of(directory.toString()),
                3072, 10));
    }

    private static boolean wellFormed(byte[] bytes) {
        if (bytes.length == 0 || bytes.length % RECORD != 0) {
            return false;
        }
        for (int r = 0; r < bytes.length / RECORD; r++) {
            if ((bytes[r * RECORD] & 0xff) > 9) {
                return false;
            }
        }
        return true;
    }

    private static int[] expectedLabels(byte[] bytes) {
        int[] labels = new int[bytes.length / RECORD];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = bytes[r * RECORD];
        }
        return labels;
    }

    private static int[] labels(Dataset dataset) {
        int[] labels = new int[dataset.test().size()];
        Arrays.setAll(labels, dataset.test()::label);
        return labels;
    }
}
