package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    /** A loader whose system location is empty and whose downloads would go nowhere (no server listens there). */
    private DatasetLoader hermetic() {
        return new DatasetLoader(dir.resolve("system"), known -> new DownloadSource(URI.create("http://127.0.0.1:9/"),
                List.of()));
    }

    private DatasetRequest request(String source) {
        return DatasetRequest.of(source).withCacheRoot(dir.resolve("cache")).withOffline(true);
    }

    @Test
    void idxDirectoryIsDetectedAndListedWithoutLoading() {
        Path data = IdxFiles.writeDataset(dir.resolve("data"), SyntheticImages.generate(6, 2, 2, 3, 1),
                SyntheticImages.generate(2, 2, 2, 3, 2), true);

        Dataset dataset = hermetic().load(request(data.toString()), 4, 3);
        List<Path> files = hermetic().inputFiles(request(data.toString()));

        assertEquals(6, dataset.training().size());
        assertEquals(1, dataset.channels());
        assertEquals(List.of(data.resolve("train-images-idx3-ubyte.gz"), data.resolve("train-labels-idx1-ubyte.gz"),
                data.resolve("t10k-images-idx3-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte.gz")), files);
    }

    @Test
    void classNamesAreTheUsersOrTheKnownDatasetsOrNone() {
        Path fashion = IdxFiles.writeDataset(dir.resolve("fashion-mnist"), SyntheticImages.generate(6, 2, 2, 10, 1),
                SyntheticImages.generate(2, 2, 2, 10, 2), true);
        Path other = IdxFiles.writeDataset(dir.resolve("mine"), SyntheticImages.generate(6, 2, 2, 3, 1),
                SyntheticImages.generate(2, 2, 2, 3, 2), true);

        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), hermetic().load(request(fashion.toString()), 4, 10).classNames());
        assertEquals(List.of(), hermetic().load(request(other.toString()), 4, 3).classNames());
        assertEquals(List.of("cat", "dog", "bird"), hermetic().load(request(other.toString())
                .withClassNames(ClassNames.parse(" cat, dog ,bird")), 4, 3).classNames());
        DataException wrongCount = assertThrows(DataException.class, () -> hermetic().load(request(other.toString())
                .withClassNames(List.of("cat", "dog")), 4, 3));
        assertEquals("classNames gives 2 names but the network predicts 3 classes: give one name per class, in"
                + " label order, separated by commas.", wrongCount.getMessage());
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                "truck"), hermetic().load(request(CifarTenFiles.writeDirectory(dir.resolve("c")).toString()), 3072,
                10).classNames());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ClassNames.parse("cat,,dog"));
        assertEquals("classNames 'cat,,dog' has an empty name at position 2: give one name per class, in label"
                + " order, separated by commas.", empty.getMessage());
    }

    @Test
    void emnistSplitIsReadThroughTheEntryPoint() throws Exception {
        Path data = dir.resolve("emnist");
        List<String> names = IdxLayout.emnistNames("digits");
        byte[] transposed = {1, 4, 2, 5, 3, 6};
        Files.createDirectories(data);
        IdxFiles.write(data.resolve(names.get(0)), IdxFiles.images(1, 3, 2, transposed));
        IdxFiles.write(data.resolve(names.get(1)), IdxFiles.labels(new byte[] {7}));
        IdxFiles.write(data.resolve(names.get(2) + ".gz"), IdxFiles.gzip(IdxFiles.images(1, 3, 2, transposed)));
        IdxFiles.write(data.resolve(names.get(3) + ".gz"), IdxFiles.gzip(IdxFiles.labels(new byte[] {3})));

        Dataset dataset = hermetic().load(request(data.toString()).withEmnistSplit("digits")
                .withPreprocessing(Preprocessing.defaults().withScaling(ByteScaling.ZERO_TO_ONE)), 6, 10);

        assertEquals(2, dataset.rows());
        assertEquals(3, dataset.columns());
        assertEquals(2 / 255f, dataset.training().feature(0, 1), 1e-7);
        assertEquals(4 / 255f, dataset.training().feature(0, 3), 1e-7);
        assertEquals(7, dataset.training().label(0));
    }

    @Test
    void cifarTenDirectoryIsDetectedAndListedInOrder() {
        Path batches = CifarTenFiles.writeDirectory(dir.resolve("cifar/cifar-10-batches-bin"));

        List<Path> files = hermetic().inputFiles(request(dir.resolve("cifar").toString()));

        assertEquals(List.of(batches.resolve("data_batch_1.bin"), batches.resolve("data_batch_2.bin"),
                batches.resolve("data_batch_3.bin"), batches.resolve("data_batch_4.bin"),
                batches.resolve("data_batch_5.bin"), batches.resolve("test_batch.bin")), files);
    }

    @Test
    void cachedNameIsUsedOffline() {
        Path cached = IdxFiles.writeDataset(dir.resolve("cache/mnist"), SyntheticImages.generate(4, 2, 2, 2, 1),
                SyntheticImages.generate(2, 2, 2, 2, 2), true);

        Dataset dataset = hermetic().load(request("mnist"), 4, 2);

        assertEquals(cached, dataset.directory());
    }

    @Test
    void unknownNameSaysWhichNamesExist() {
        DataException e = assertThrows(DataException.class, () -> hermetic().load(request("svhn"), 4, 2));

        assertTrue(e.getMessage().startsWith("Data directory svhn does not exist, and it is not one of the dataset "
                + "names mnist, fashion-mnist, cifar10"), e.getMessage());
    }

    @Test
    void invalidPathIsADataException() {
        DataException e = assertThrows(DataException.class, () -> hermetic().load(request("bad\u0000name"), 4, 2));

        assertTrue(e.getMessage().contains("is not a valid path here"), e.getMessage());
    }

    @Test
    void offlineCifarTenNamesTheManualDownload() {
        DataException e = assertThrows(DataException.class, () -> hermetic().load(request("cifar10"), 3072, 10));

        assertTrue(e.getMessage().contains("https://www.cs.toronto.edu/~kriz/cifar.html"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("cache/cifar10").toString()), e.getMessage());
    }

    @Test
    void directoryWithoutADatasetSaysWhatToPutThere() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        DataException e = assertThrows(DataException.class, () -> hermetic().load(request(empty.toString()), 4, 2));

        assertTrue(e.getMessage().startsWith("Data directory " + empty + " holds no dataset this program reads"),
                e.getMessage());
    }

    @Test
    void explicitFormatOverridesDetection() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("train.csv"), "1,0.5\n");
        Files.writeString(data.resolve("test.csv"), "0,0.25\n");
        Files.writeString(data.resolve("notes-idx.txt"), "not IDX");

        Dataset dataset = hermetic().load(request(data.toString()).withFormat(DatasetFormat.CSV), 1, 2);

        assertEquals(0.5f, dataset.training().feature(0, 0));
    }

    @Test
    void officialSourcesHaveChecksumsForEveryFile() {
        for (KnownDataset known : KnownDataset.values()) {
            DownloadSource source = known.official();
            assertTrue(source.base().getScheme().startsWith("http"), known.toString());
            for (RemoteFile file : source.files()) {
                assertTrue(file.sha256().matches("[0-9a-f]{64}"), file.toString());
                assertTrue(file.size() > 0, file.toString());
            }
        }
        assertEquals(4, KnownDataset.MNIST.official().files().size());
        assertEquals(4, KnownDataset.FASHION_MNIST.official().files().size());
        assertEquals("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", KnownDataset.CIFAR10.official().base()
                .resolve(KnownDataset.CIFAR10.official().files().get(0).name()).toString());
    }

    @Test
    void anEmptyTestOrTrainingPartIsRefusedNamingThePart() {
        Path noTest = IdxFiles.writeDataset(dir.resolve("no-test"), SyntheticImages.generate(6, 2, 2, 3, 1),
                SyntheticImages.generate(0, 2, 2, 3, 2), true);
        Path noTraining = IdxFiles.writeDataset(dir.resolve("no-training"), SyntheticImages.generate(0, 2, 2, 3, 1),
                SyntheticImages.generate(2, 2, 2, 3, 2), false);

        DataException test = assertThrows(DataException.class, () -> hermetic().load(request(noTest.toString()), 4, 3));
        DataException training = assertThrows(DataException.class,
                () -> hermetic().load(request(noTraining.toString()), 4, 3));

        assertEquals("The test part of " + noTest + " holds no samples: give data with at least one test sample.",
                test.getMessage());
        assertTrue(training.getMessage().startsWith("The training part of " + noTraining + " holds no samples"),
                training.getMessage());
    }

    @Test
    void anUncompressedTwinOfAReadFileIsNamedAsNotRead() throws Exception {
        Path data = IdxFiles.writeDataset(dir.resolve("both"), SyntheticImages.generate(6, 2, 2, 3, 1),
                SyntheticImages.generate(2, 2, 2, 3, 2), true);
        Files.copy(data.resolve("t10k-labels-idx1-ubyte.gz"), data.resolve("t10k-labels-idx1-ubyte"));
        List<String> console = new java.util.ArrayList<>();

        hermetic().load(request(data.toString()).withConsole(console::add), 4, 3);

        assertEquals(List.of("note: t10k-labels-idx1-ubyte is not read: the .gz file of the same name beside it is"),
                console);
    }
}
