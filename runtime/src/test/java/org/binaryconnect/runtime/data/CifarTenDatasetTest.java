package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarTenDatasetTest {

    @TempDir
    Path dir;

    @Test
    void readsRecordsKeepingChannelMajorOrder() {
        Path file = IdxFiles.write(dir.resolve("data_batch_1.bin"), CifarTenFiles.batch(new byte[] {6, 2}, 40));

        CifarTenBatch batch = CifarTenReader.read(file);

        assertArrayEquals(new byte[] {6, 2}, batch.labels());
        assertEquals(2 * 3072, batch.pixels().length);
        // image 1, green plane (second 1024), row 3, column 5: byte 1 + 1024 + 3 * 32 + 5 of its record
        int p = 1024 + 3 * 32 + 5;
        assertEquals((byte) (40 + 7 + p), batch.pixels()[3072 + p]);
    }

    @Test
    void trainingIsTheFiveBatchesInOrderAndTestIsTestBatch() {
        CifarTenFiles.writeDirectory(dir.resolve("cifar-10-batches-bin"));

        RawDataset raw = CifarTenDataset.read(dir, 3072, 10);

        assertEquals(dir.resolve("cifar-10-batches-bin"), raw.source());
        assertArrayEquals(new byte[] {1, 9, 2, 9, 3, 9, 4, 9, 5, 9}, raw.training().labels());
        assertArrayEquals(new byte[] {0, 3}, raw.test().labels());
        assertEquals(3, raw.channels());
        assertEquals(32, raw.rows());
        assertEquals(32, raw.columns());
        // the first image of batch 3 is training image 4, its pixels seeded with 3
        assertEquals((byte) 3, raw.training().bytes()[4 * 3072]);
        assertEquals((byte) (3 + 1000), raw.training().bytes()[4 * 3072 + 1000]);
    }

    @Test
    void acceptsTheBatchDirectoryItselfAndScalesLikeImages() {
        Path batches = CifarTenFiles.writeDirectory(dir.resolve("cifar-10-batches-bin"));

        Dataset dataset = new DatasetLoader().load(DatasetRequest.of(batches.toString()), 3072, 10);

        assertEquals(10, dataset.training().size());
        assertEquals(2, dataset.test().size());
        assertEquals(3, dataset.channels());
        assertEquals(ByteScaling.MINUS_ONE_TO_ONE.scale(1), dataset.training().feature(0, 0), 1e-7);
        assertEquals(9, dataset.training().label(9));
    }

    @Test
    void truncatedBatchIsRejected() throws Exception {
        Path batches = CifarTenFiles.writeDirectory(dir);
        Path file = batches.resolve("data_batch_4.bin");
        byte[] bytes = Files.readAllBytes(file);
        IdxFiles.write(file, Arrays.copyOf(bytes, bytes.length - 1));

        DataException e = assertThrows(DataException.class, () -> CifarTenDataset.read(dir, 3072, 10));

        assertTrue(e.getMessage().startsWith(file + " is not a CIFAR-10 binary batch: its 6145 bytes are not a "
                + "whole, non-zero number of 3073-byte records"), e.getMessage());
    }

    @Test
    void labelAboveNineIsRejected() {
        Path batches = CifarTenFiles.writeDirectory(dir);
        Path file = IdxFiles.write(batches.resolve("test_batch.bin"), CifarTenFiles.batch(new byte[] {1, 2, 17}, 0));

        DataException e = assertThrows(DataException.class, () -> CifarTenDataset.read(dir, 3072, 10));

        assertTrue(e.getMessage().startsWith(file + " has label 17 in record 2 (byte offset 6146), but CIFAR-10 "
                + "labels are 0..9"), e.getMessage());
    }

    @Test
    void networkWithFewerClassesIsTold() {
        CifarTenFiles.writeDirectory(dir);

        DataException e = assertThrows(DataException.class, () -> CifarTenDataset.read(dir, 3072, 5));

        assertTrue(e.getMessage().contains("data_batch_1.bin has label 9 at index 1, outside [0, 5)"),
                e.getMessage());
    }

    @Test
    void wrongInputSizeSaysWhatToDeclare() {
        CifarTenFiles.writeDirectory(dir);

        DataException e = assertThrows(DataException.class, () -> CifarTenDataset.read(dir, 784, 10));

        assertTrue(e.getMessage().contains("are 3x32x32 = 3072 values, but the network takes 784 inputs: declare "
                + "the network's input as {3, 32, 32}"), e.getMessage());
    }

    @Test
    void missingBatchesAreNamed() throws Exception {
        Path batches = CifarTenFiles.writeDirectory(dir.resolve("cifar-10-batches-bin"));
        Files.delete(batches.resolve("data_batch_2.bin"));
        Files.delete(batches.resolve("test_batch.bin"));

        DataException e = assertThrows(DataException.class, () -> CifarTenDataset.read(dir, 3072, 10));

        assertTrue(e.getMessage().contains(batches + " has no data_batch_2.bin, test_batch.bin"), e.getMessage());
    }
}
