package org.binaryconnect.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.binaryconnect.runtime.data.DataException;
import org.binaryconnect.runtime.data.Dataset;
import org.binaryconnect.runtime.data.DatasetLoader;
import org.binaryconnect.runtime.data.DatasetRequest;
import org.binaryconnect.runtime.data.IdxFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 damaged CSV training files (plus 2,000 of text-level damage): each either loads, with every feature
 * finite and every label a class, or fails with the reader's own {@link DataException}; never another exception,
 * an OutOfMemoryError or a hang. CSV has no checksum, so a changed digit is still a valid file; what must never
 * happen is a NaN, an infinity or a label outside the classes getting through.
 */
class CsvReaderFuzzTest {

    private static final int CASES = 10_000;
    private static final int FEATURES = 3;
    private static final int CLASSES = 4;
    private static final String VALID = "label,a,b,c\n0,0.5,1,-2\n3,1e2,0.25,7\n1,-0.125,2.5,3\n2,9,8,7.75\n";

    @TempDir
    Path directory;

    @Test
    void damagedBytesFailCleanlyOrLoadSoundValues() {
        IdxFiles.write(directory.resolve("test.csv"), VALID.getBytes(StandardCharsets.UTF_8));
        Path train = directory.resolve("train.csv");
        Mutations mutations = new Mutations(VALID.getBytes(StandardCharsets.UTF_8), 5);
        fuzz(train, CASES, i -> mutations.next());
    }

    @Test
    void damagedTextFailsCleanlyOrLoadsSoundValues() {
        IdxFiles.write(directory.resolve("test.csv"), VALID.getBytes(StandardCharsets.UTF_8));
        Path train = directory.resolve("train.csv");
        Random random = new Random(9);
        String[] pieces = {"NaN", "inf", "-Infinity", "1e39", "1e-50", "\"", ",", "\n", "\r", " ", "4", "-1", "0x10",
            "1f", "", "label", "3.0", "255", "256", "99999999999999999999", ".", "e", "+", "\u00e9", "\t"};
        fuzz(train, 2_000, i -> {
            StringBuilder text = new StringBuilder(VALID);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                int end = Math.min(text.length(), at + random.nextInt(4));
                text.replace(at, end, pieces[random.nextInt(pieces.length)]);
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    private interface Cases {
        byte[] get(int i);
    }

    private void fuzz(Path train, int cases, Cases next) {
        DatasetLoader loader = new DatasetLoader();
        DatasetRequest request = DatasetRequest.of(directory.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int loaded = 0;
            for (int i = 0; i < cases; i++) {
                IdxFiles.write(train, next.get(i));
                try {
                    Dataset dataset = loader.load(request, FEATURES, CLASSES);
                    for (int s = 0; s < dataset.training().size(); s++) {
                        int label = dataset.training().label(s);
                        if (label < 0 || label >= CLASSES) {
                            fail("case " + i + ": label " + label + " loaded");
                        }
                        for (int j = 0; j < FEATURES; j++) {
                            if (!Float.isFinite(dataset.training().feature(s, j))) {
                                fail("case " + i + ": a non-finite feature loaded");
                            }
                        }
                    }
                    loaded++;
                } catch (DataException expected) {
                    // the reader's own clear error
                }
            }
            if (loaded == 0 || loaded == cases) {
                fail(loaded + " of " + cases + " cases loaded: the fuzzer tests only one branch");
            }
        });
    }
}
