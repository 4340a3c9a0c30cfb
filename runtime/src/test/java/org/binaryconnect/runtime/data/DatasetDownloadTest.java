package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads of known datasets against a local HTTP server on an ephemeral port: the files it serves replace the
 * official ones, with their own sizes and SHA-256, through the loader's package-private constructor.
 */
class DatasetDownloadTest {

    /** How the server answers for one file. */
    private enum Behaviour { SERVE, CUT_MID_FILE, NOT_FOUND }

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private Path cacheRoot;
    private Path systemRoot;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/", this::answer);
        server.start();
        cacheRoot = dir.resolve("cache");
        systemRoot = dir.resolve("system");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String name = exchange.getRequestURI().getPath().substring("/files/".length());
        byte[] body = served.get(name);
        Behaviour how = behaviour.getOrDefault(name, Behaviour.SERVE);
        if (body == null || how == Behaviour.NOT_FOUND) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        if (how == Behaviour.CUT_MID_FILE) {
            // Content-Length promises the whole file; half arrives, then the connection closes.
            out.write(body, 0, body.length / 2);
            out.flush();
            exchange.close();
            return;
        }
        out.write(body);
        out.close();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/");
    }

    /** Serves {@code files} and makes them the expected download of every known dataset, sizes and checksums. */
    private DatasetLoader loaderServing(Map<String, byte[]> files) {
        served.putAll(files);
        List<RemoteFile> remote = new ArrayList<>();
        files.forEach((name, bytes) -> remote.add(new RemoteFile(name, bytes.length, sha256(bytes))));
        return new DatasetLoader(systemRoot, known -> new DownloadSource(base(), remote));
    }

    private DatasetRequest request(String name) {
        return DatasetRequest.of(name).withCacheRoot(cacheRoot).withConsole(progress::add);
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Downloader.sha256().digest(bytes));
    }

    /** The four gzip-compressed IDX files of a tiny MNIST: two 2x2 training images, one test image. */
    private static Map<String, byte[]> tinyMnist() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("train-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(2, 2, 2, new byte[] {0, 1, 2, 3, 4,
            5, 6, 7})));
        files.put("train-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(new byte[] {1, 0})));
        files.put("t10k-images-idx3-ubyte.gz", IdxFiles.gzip(IdxFiles.images(1, 2, 2, new byte[] {9, 9, 9, 9})));
        files.put("t10k-labels-idx1-ubyte.gz", IdxFiles.gzip(IdxFiles.labels(new byte[] {1})));
        return files;
    }

    private static List<Path> filesUnder(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void downloadsIntoTheCacheOnceAndThenUsesTheCache() throws Exception {
        Map<String, byte[]> files = tinyMnist();
        DatasetLoader loader = loaderServing(files);

        Dataset first = loader.load(request("mnist"), 4, 2);

        assertEquals(4, requests.get());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertArrayEquals(file.getValue(), Files.readAllBytes(cacheRoot.resolve("mnist").resolve(file.getKey())));
        }
        assertEquals(4, filesUnder(cacheRoot).size(), "no temporary file is left: " + filesUnder(cacheRoot));
        assertEquals(2, first.training().size());
        assertEquals(1, first.training().label(0));
        assertEquals(ByteScaling.MINUS_ONE_TO_ONE.scale(7), first.training().feature(1, 3), 1e-7);
        assertTrue(progress.stream().anyMatch(line -> line.contains("100% of train-images-idx3-ubyte.gz")),
                progress.toString());

        Dataset second = loader.load(request("mnist"), 4, 2);
        List<Path> inputs = loader.inputFiles(request("mnist"));

        assertEquals(4, requests.get(), "the second load and the listing use the cache");
        assertEquals(2, second.training().size());
        assertEquals(files.keySet().stream().map(name -> cacheRoot.resolve("mnist").resolve(name)).toList(), inputs);
    }

    @Test
    void wrongChecksumIsRejectedAndLeavesNothing() {
        Map<String, byte[]> files = tinyMnist();
        DatasetLoader loader = loaderServing(files);
        byte[] other = files.get("train-images-idx3-ubyte.gz").clone();
        other[other.length - 1] ^= 1; // same size, other content
        served.put("train-images-idx3-ubyte.gz", other);

        DataException e = assertThrows(DataException.class, () -> loader.load(request("mnist"), 4, 2));

        assertTrue(e.getMessage().startsWith("Download of " + base() + "train-images-idx3-ubyte.gz has SHA-256 "),
                e.getMessage());
        assertTrue(e.getMessage().contains("so it was discarded"), e.getMessage());
        assertTrue(e.getMessage().contains("storage.googleapis.com/cvdf-datasets/mnist"), e.getMessage());
        assertEquals(List.of(), filesUnder(cacheRoot));
    }

    @Test
    void connectionCutMidFileLeavesNothingAndALaterDownloadWorks() throws Exception {
        Map<String, byte[]> files = tinyMnist();
        DatasetLoader loader = loaderServing(files);
        behaviour.put("train-images-idx3-ubyte.gz", Behaviour.CUT_MID_FILE);

        DataException e = assertThrows(DataException.class, () -> loader.load(request("mnist"), 4, 2));

        assertTrue(e.getMessage().startsWith("Download of " + base() + "train-images-idx3-ubyte.gz"), e.getMessage());
        assertEquals(List.of(), filesUnder(cacheRoot));

        behaviour.clear();
        Dataset dataset = loader.load(request("mnist"), 4, 2);

        assertEquals(2, dataset.training().size());
        assertArrayEquals(files.get("train-images-idx3-ubyte.gz"),
                Files.readAllBytes(cacheRoot.resolve("mnist/train-images-idx3-ubyte.gz")));
    }

    @Test
    void cutInALaterFileKeepsOnlyTheVerifiedFilesAndResumes() throws Exception {
        Map<String, byte[]> files = tinyMnist();
        DatasetLoader loader = loaderServing(files);
        behaviour.put("t10k-images-idx3-ubyte.gz", Behaviour.CUT_MID_FILE);

        assertThrows(DataException.class, () -> loader.load(request("mnist"), 4, 2));

        assertEquals(List.of(cacheRoot.resolve("mnist/train-images-idx3-ubyte.gz"),
                cacheRoot.resolve("mnist/train-labels-idx1-ubyte.gz")),
                filesUnder(cacheRoot).stream().sorted().toList());
        behaviour.clear();
        int before = requests.get();
        loader.load(request("mnist"), 4, 2);
        assertEquals(before + 2, requests.get(), "only the two missing files are fetched again");
    }

    @Test
    void httpErrorNamesTheAddress() {
        DatasetLoader loader = loaderServing(tinyMnist());
        behaviour.put("train-images-idx3-ubyte.gz", Behaviour.NOT_FOUND);

        DataException e = assertThrows(DataException.class, () -> loader.load(request("mnist"), 4, 2));

        assertTrue(e.getMessage().contains(base() + "train-images-idx3-ubyte.gz failed with HTTP status 404"),
                e.getMessage());
        assertEquals(List.of(), filesUnder(cacheRoot));
    }

    @Test
    void offlineFailsWithTheInstallHintAndAsksNothing() {
        DatasetLoader loader = loaderServing(tinyMnist());

        DataException e = assertThrows(DataException.class,
                () -> loader.load(request("fashion-mnist").withOffline(true), 4, 2));

        assertEquals(0, requests.get());
        assertTrue(e.getMessage().contains("downloads are off (offline)"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void systemLocationComesBeforeCacheAndDownload() throws Exception {
        Map<String, byte[]> files = tinyMnist();
        DatasetLoader loader = loaderServing(files);
        Path system = Files.createDirectories(systemRoot.resolve("fashion-mnist"));
        files.forEach((name, bytes) -> IdxFiles.write(system.resolve(name), bytes));

        Dataset dataset = loader.load(request("fashion-mnist"), 4, 2);

        assertEquals(system, dataset.directory());
        assertEquals(0, requests.get());
        assertEquals(List.of(), filesUnder(cacheRoot));
    }

    @Test
    void listingANameNotYetDownloadedDownloadsNothing() {
        DatasetLoader loader = loaderServing(tinyMnist());

        List<Path> inputs = loader.inputFiles(request("mnist"));

        assertEquals(0, requests.get());
        assertEquals(cacheRoot.resolve("mnist/train-images-idx3-ubyte.gz"), inputs.get(0));
        assertFalse(Files.exists(inputs.get(0)));
    }

    private static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey(), true);
                header.setSize(entry.getValue().length);
                tar.putArchiveEntry(header);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void cifarTenArchiveIsDownloadedUnpackedAndTheArchiveRemoved() throws Exception {
        Path batches = CifarTenFiles.writeDirectory(dir.resolve("source"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Path batch : CifarTenLayout.find(batches).orElseThrow().files()) {
            entries.put("cifar-10-batches-bin/" + batch.getFileName(), Files.readAllBytes(batch));
        }
        entries.put("cifar-10-batches-bin/readme.html", new byte[] {'h', 'i'});
        DatasetLoader loader = loaderServing(Map.of("cifar-10-binary.tar.gz", tarGz(entries)));

        Dataset dataset = loader.load(request("cifar10"), 3072, 10);
        Dataset again = loader.load(request("cifar10"), 3072, 10);

        assertEquals(1, requests.get());
        assertEquals(10, dataset.training().size());
        assertEquals(10, again.training().size());
        assertFalse(Files.exists(cacheRoot.resolve("cifar10/cifar-10-binary.tar.gz")));
        assertArrayEquals(Files.readAllBytes(batches.resolve("data_batch_5.bin")),
                Files.readAllBytes(cacheRoot.resolve("cifar10/cifar-10-batches-bin/data_batch_5.bin")));
        assertEquals(7, filesUnder(cacheRoot).size(), "six batches and the readme, no scratch left: "
                + filesUnder(cacheRoot));
    }

    @Test
    void archiveEntryOutsideTheDirectoryIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/data_batch_1.bin", CifarTenFiles.batch(new byte[] {1}, 1));
        entries.put("../escaped.bin", new byte[] {1, 2, 3});
        DatasetLoader loader = loaderServing(Map.of("cifar-10-binary.tar.gz", tarGz(entries)));

        DataException e = assertThrows(DataException.class, () -> loader.load(request("cifar10"), 3072, 10));

        assertTrue(e.getMessage().contains("has the entry ../escaped.bin, which points outside"), e.getMessage());
        assertFalse(Files.exists(cacheRoot.resolve("escaped.bin")));
        assertFalse(Files.exists(cacheRoot.resolve("cifar10/escaped.bin")));
        assertFalse(Files.exists(cacheRoot.resolve("cifar10/cifar-10-batches-bin")));
        assertEquals(List.of(), filesUnder(cacheRoot), "the bad archive is deleted so that a later run fetches anew");
    }
}
