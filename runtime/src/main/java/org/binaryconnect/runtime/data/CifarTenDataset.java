package org.binaryconnect.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads CIFAR-10's binary version: the five training batches in order (50,000 images) and the test batch. Each
 * sample keeps the file's channel-major order (3 x 32 x 32: all red, then green, then blue, rows within each), the
 * NCHW layout convolutions read.
 */
final class CifarTenDataset {

    private CifarTenDataset() {
    }

    static RawDataset read(Path path, int inputSize, int classes) {
        CifarTenLayout layout = CifarTenLayout.locate(path);
        if (inputSize != CifarTenReader.IMAGE_BYTES) {
            throw new DataException("CIFAR-10 images in " + layout.directory() + " are 3x32x32 = "
                    + CifarTenReader.IMAGE_BYTES + " values, but the network takes " + inputSize + " inputs: declare "
                    + "the network's input as {3, 32, 32}, or use a dataset whose samples have " + inputSize
                    + " values.");
        }
        List<CifarTenBatch> batches = new ArrayList<>();
        for (Path file : layout.trainingBatches()) {
            batches.add(checked(CifarTenReader.read(file), classes));
        }
        CifarTenBatch test = checked(CifarTenReader.read(layout.testBatch()), classes);
        RawSamples training = concatenate(batches);
        return new RawDataset(layout.directory(), training,
                RawSamples.ofBytes(test.pixels(), test.labels(), CifarTenReader.IMAGE_BYTES),
                CifarTenReader.CHANNELS, CifarTenReader.SIDE, CifarTenReader.SIDE);
    }

    private static CifarTenBatch checked(CifarTenBatch batch, int classes) {
        LabelCheck.check(batch.file(), batch.labels(), classes, 0);
        return batch;
    }

    private static RawSamples concatenate(List<CifarTenBatch> batches) {
        long total = 0;
        for (CifarTenBatch batch : batches) {
            total += batch.count();
        }
        if (total * CifarTenReader.IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new DataException("The CIFAR-10 training batches in " + batches.get(0).file().getParent()
                    + " hold " + total + " images, more than fit in memory here: use the original batches.");
        }
        byte[] pixels = new byte[(int) total * CifarTenReader.IMAGE_BYTES];
        byte[] labels = new byte[(int) total];
        int at = 0;
        for (CifarTenBatch batch : batches) {
            System.arraycopy(batch.pixels(), 0, pixels, at * CifarTenReader.IMAGE_BYTES, batch.pixels().length);
            System.arraycopy(batch.labels(), 0, labels, at, batch.count());
            at += batch.count();
        }
        return RawSamples.ofBytes(pixels, labels, CifarTenReader.IMAGE_BYTES);
    }
}
