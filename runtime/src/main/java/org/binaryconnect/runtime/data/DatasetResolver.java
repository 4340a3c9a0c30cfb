package org.binaryconnect.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.binaryconnect.runtime.io.AtomicFiles;

/**
 * Finds a request's files. A path that exists is used as it is. A known name is looked for, in order, in the
 * system location ({@code /usr/share/datasets/<name>}, where Debian's dataset packages install), then in the user
 * cache ({@code <cache root>/<name>}), and is otherwise downloaded from its official address into the cache,
 * unless the request is offline.
 */
final class DatasetResolver {

    static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");

    private final Path systemRoot;
    private final Function<KnownDataset, DownloadSource> sources;

    /** @param sources where each known dataset downloads from: its official source, or a local server in tests */
    DatasetResolver(Path systemRoot, Function<KnownDataset, DownloadSource> sources) {
        this.systemRoot = systemRoot;
        this.sources = sources;
    }

    /** The files of {@code request}, downloading a known dataset if no local copy exists and that is allowed. */
    ResolvedDataset resolve(DatasetRequest request) {
        Optional<KnownDataset> known = known(request.source());
        if (known.isEmpty()) {
            Path path = path(request.source());
            return new ResolvedDataset(path, format(path, request));
        }
        KnownDataset dataset = known.get();
        Optional<Path> local = local(dataset, request);
        if (local.isPresent()) {
            return new ResolvedDataset(local.get(), dataset.format());
        }
        Path cache = cacheDirectory(dataset, request);
        String hint = dataset.manualHint(cache);
        if (request.offline()) {
            throw new DataException("Dataset " + dataset.datasetName() + " is not in " + systemDirectory(dataset)
                    + " nor in " + cache + ", and downloads are off (offline): " + hint + ", or allow the download.");
        }
        download(dataset, cache, request, hint);
        return new ResolvedDataset(cache, dataset.format());
    }

    /**
     * Where {@code request}'s files are, without downloading anything: for a known name found nowhere, the cache
     * location a download would use (its files do not exist yet).
     */
    ResolvedDataset locate(DatasetRequest request) {
        Optional<KnownDataset> known = known(request.source());
        if (known.isEmpty()) {
            Path path = path(request.source());
            return new ResolvedDataset(path, format(path, request));
        }
        Path location = local(known.get(), request).orElse(cacheDirectory(known.get(), request));
        return new ResolvedDataset(location, known.get().format());
    }

    /**
     * For a known name found nowhere locally: the files a download would put in the cache (they do not exist, or
     * not all of them); otherwise empty.
     */
    Optional<List<Path>> pendingDownload(DatasetRequest request) {
        Optional<KnownDataset> known = known(request.source());
        if (known.isEmpty() || local(known.get(), request).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(downloadedFiles(known.get(), cacheDirectory(known.get(), request)));
    }

    /** The files a download of {@code known} puts in {@code cache}, once unpacked. */
    private List<Path> downloadedFiles(KnownDataset known, Path cache) {
        if (known.archived()) {
            Path directory = cache.resolve(CifarTenLayout.DIRECTORY);
            return Stream.concat(CifarTenLayout.TRAINING.stream(), Stream.of(CifarTenLayout.TEST))
                    .map(directory::resolve).toList();
        }
        return sources.apply(known).files().stream().map(file -> cache.resolve(file.name())).toList();
    }

    private static Optional<KnownDataset> known(String source) {
        if (Files.exists(path(source))) {
            return Optional.empty();
        }
        Optional<KnownDataset> known = KnownDataset.named(source);
        if (known.isEmpty()) {
            throw new DataException("Data directory " + source + " does not exist, and it is not one of the dataset "
                    + "names " + KnownDataset.names() + ": give an existing dataset directory or file, or one of "
                    + "those names (for Fashion-MNIST: apt-get install dataset-fashion-mnist, or the name "
                    + "fashion-mnist to download it).");
        }
        return known;
    }

    private static Path path(String source) {
        try {
            return Path.of(source);
        } catch (InvalidPathException e) {
            throw new DataException("Dataset " + source + " is not a valid path here (" + e.getReason() + "): give a "
                    + "dataset directory or file, or one of the names " + KnownDataset.names() + ".", e);
        }
    }

    private Optional<Path> local(KnownDataset dataset, DatasetRequest request) {
        for (Path directory : List.of(systemDirectory(dataset), cacheDirectory(dataset, request))) {
            if (holds(directory, dataset)) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Path directory, KnownDataset dataset) {
        return dataset.format() == DatasetFormat.CIFAR10 ? CifarTenLayout.find(directory).isPresent()
                : IdxLayout.find(directory).isPresent();
    }

    private Path systemDirectory(KnownDataset dataset) {
        return systemRoot.resolve(dataset.datasetName());
    }

    private static Path cacheDirectory(KnownDataset dataset, DatasetRequest request) {
        return request.cacheRoot().resolve(dataset.datasetName());
    }

    private void download(KnownDataset dataset, Path cache, DatasetRequest request, String hint) {
        Downloader downloader = new Downloader(request.console());
        DownloadSource source = sources.apply(dataset);
        for (RemoteFile file : source.files()) {
            Path target = cache.resolve(file.name());
            // A file already here was moved in only after its checksum matched: an earlier, interrupted run.
            if (!Files.isRegularFile(target)) {
                downloader.download(source.base().resolve(file.name()), file, target, hint);
            }
        }
        if (dataset.archived()) {
            unpack(cache.resolve(source.files().get(0).name()), cache);
        }
    }

    /** Unpacks the CIFAR-10 archive into a fresh directory, then moves its batches into place in one rename. */
    private static void unpack(Path archive, Path cache) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory(cache, ".unpack-");
            TarGzExtractor.extract(archive, scratch);
            CifarTenLayout unpacked = CifarTenLayout.locate(scratch);
            Path target = cache.resolve(CifarTenLayout.DIRECTORY);
            deleteTree(target);
            AtomicFiles.move(unpacked.directory(), target);
            Files.delete(archive);
        } catch (DataException e) {
            // A verified archive that does not unpack is still unusable: fetch it anew next time.
            Downloader.deleteQuietly(archive);
            throw e;
        } catch (IOException e) {
            throw new DataException("Cannot unpack " + archive + " into " + cache + ": " + e.getMessage()
                    + ": check free space and permissions there.", e);
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Downloader::deleteQuietly);
        } catch (IOException ignored) {
            // Best effort: a leftover scratch directory starts with a dot and is never read.
        }
    }

    /** The format of an explicit path: the request's, or detected from what the path holds. */
    private static DatasetFormat format(Path path, DatasetRequest request) {
        if (request.format() != DatasetFormat.AUTO) {
            return request.format();
        }
        if (Files.isRegularFile(path)) {
            return DatasetFormat.CSV;
        }
        if (request.emnistSplit() != null) {
            return DatasetFormat.IDX;
        }
        try (Stream<Path> children = Files.list(path)) {
            List<String> names = children.map(child -> child.getFileName().toString()).toList();
            if (names.stream().anyMatch(name -> name.contains("-idx"))) {
                return DatasetFormat.IDX;
            }
            if (names.stream().anyMatch(name -> name.startsWith("data_batch_") || name.equals("test_batch.bin")
                    || name.equals(CifarTenLayout.DIRECTORY))) {
                return DatasetFormat.CIFAR10;
            }
            if (names.stream().anyMatch(name -> name.endsWith(".csv"))) {
                return DatasetFormat.CSV;
            }
        } catch (IOException e) {
            throw new DataException("Cannot list " + path + ": " + e.getMessage() + ".", e);
        }
        throw new DataException("Data directory " + path + " holds no dataset this program reads: put IDX files "
                + "(train-images-idx3-ubyte.gz and the others), CIFAR-10 batches (data_batch_1.bin .. "
                + "data_batch_5.bin, test_batch.bin) or train.csv and test.csv there, or set the format.");
    }
}
