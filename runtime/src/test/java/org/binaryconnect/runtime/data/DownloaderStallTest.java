package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that sends its headers and part of the body, then nothing: the download gives up after the stall
 * timeout with a message that says so, and leaves no file behind, instead of waiting forever.
 */
class DownloaderStallTest {

    private static final byte[] CONTENT = new byte[200_000];

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, CONTENT.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CONTENT, 0, CONTENT.length / 2);
                out.flush();
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up and closed the connection
            }
        });
        server.createContext("/whole", exchange -> {
            exchange.sendResponseHeaders(200, CONTENT.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(CONTENT);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aBodyThatStopsSendingIsGivenUpAfterTheStallTimeout() throws IOException {
        Downloader downloader = new Downloader(line -> { }, Duration.ofSeconds(1));
        Path target = dir.resolve("data.bin");

        DataException failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                DataException.class, () -> downloader.download(url("/stalls"), remote(), target, "copy it by hand")));

        assertTrue(failure.getMessage().contains("stalled: nothing arrived for 1 s after 100000 of 200000 bytes"),
                failure.getMessage());
        assertTrue(failure.getMessage().endsWith("copy it by hand."), failure.getMessage());
        assertEquals(List.of(), files(), "neither the target nor a .part file is left");
    }

    @Test
    void aSteadyBodyIsNotCutByTheWatch() throws Exception {
        Path target = dir.resolve("data.bin");
        new Downloader(line -> { }, Duration.ofSeconds(1)).download(url("/whole"), remote(), target, "copy it");
        assertEquals(CONTENT.length, Files.size(target));
        assertEquals(List.of(target), files());
    }

    private URI url(String path) {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
    }

    private static RemoteFile remote() {
        return new RemoteFile("data.bin", CONTENT.length,
                HexFormat.of().formatHex(Downloader.sha256().digest(CONTENT)));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.toList();
        }
    }
}
