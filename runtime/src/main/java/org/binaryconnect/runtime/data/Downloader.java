package org.binaryconnect.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.binaryconnect.runtime.io.AtomicFiles;

/**
 * Downloads one file so that a partial or wrong file is never used: the body streams through {@link AtomicFiles}
 * into a temporary file in the target's directory, its size and SHA-256 are checked against the expected ones, and
 * only then is it forced and moved into place in one atomic rename. On any failure the temporary file is deleted
 * and nothing appears at the target.
 */
final class Downloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** How long the body may send nothing before the download is given up: HttpClient has no read timeout. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final Consumer<String> progress;
    private final Duration stallTimeout;

    /** @param progress receives a line at about every 10% of each download */
    Downloader(Consumer<String> progress) {
        this(progress, STALL_TIMEOUT);
    }

    Downloader(Consumer<String> progress, Duration stallTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.progress = progress;
        this.stallTimeout = stallTimeout;
    }

    /**
     * Downloads {@code url} to {@code target}, which must then hold exactly {@code expected}'s size and SHA-256.
     *
     * @param manualHint what the user can do instead, ending a failure's message
     * @throws DataException naming the URL and the hint, with nothing left behind
     */
    void download(URI url, RemoteFile expected, Path target, String manualHint) {
        try {
            // A DataException thrown inside (wrong size or checksum, a stall) makes AtomicFiles discard the file.
            AtomicFiles.write(target, out -> {
                String sha256 = fetch(url, expected.size(), out, manualHint);
                if (!sha256.equalsIgnoreCase(expected.sha256())) {
                    throw new DataException("Download of " + url + " has SHA-256 " + sha256 + ", not the expected "
                            + expected.sha256() + ", so it was discarded: try again later, or " + manualHint + ".");
                }
            });
        } catch (IOException e) {
            throw new DataException("Download of " + url + " to " + target + " failed (" + describe(e) + "): check "
                    + "the network and try again, or " + manualHint + ".", e);
        }
    }

    /** Streams the body into {@code out}; returns its SHA-256 once exactly {@code size} bytes arrived. */
    private String fetch(URI url, long size, OutputStream out, String manualHint) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("Download of " + url + " was interrupted: run again, or " + manualHint + ".", e);
        }
        MessageDigest digest = sha256();
        long received = 0;
        StallWatch watch = null;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new DataException("Download of " + url + " failed with HTTP status " + response.statusCode()
                        + ": check the address, or " + manualHint + ".");
            }
            progress.accept("downloading " + url + " (" + megabytes(size) + ")");
            watch = new StallWatch(stallTimeout, body);
            byte[] buffer = new byte[1 << 16];
            int nextTenth = 1;
            int read;
            while ((read = body.read(buffer)) >= 0) {
                watch.progressed();
                received += read;
                if (received > size) {
                    throw new DataException("Download of " + url + " sent more than the expected " + size
                            + " bytes, so it was discarded: try again later, or " + manualHint + ".");
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
                while (nextTenth <= 10 && received * 10 >= nextTenth * size) {
                    progress.accept("  " + nextTenth * 10 + "% of " + url.getPath().replaceAll(".*/", "") + " ("
                            + megabytes(received) + " of " + megabytes(size) + ")");
                    nextTenth++;
                }
            }
        } catch (IOException e) {
            if (watch == null || !watch.stalled()) {
                throw e;
            }
        } finally {
            if (watch != null) {
                watch.stop();
            }
        }
        // A watch that fired after the last byte had arrived cut nothing: the file is whole, the checksum decides.
        if (watch != null && watch.stalled() && received != size) {
            throw new DataException("Download of " + url + " stalled: nothing arrived for " + stallTimeout.toSeconds()
                    + " s after " + received + " of " + size + " bytes, so it was discarded: check the network and "
                    + "try again, or " + manualHint + ".");
        }
        if (received != size) {
            throw new DataException("Download of " + url + " ended after " + received + " of " + size
                    + " bytes, so it was discarded: try again, or " + manualHint + ".");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Closes a response body that has sent nothing for a while, which ends a read blocked on it: the watch that
     * HttpClient lacks once the headers have arrived.
     */
    private static final class StallWatch {
        private final Thread thread;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean stalled;
        private volatile boolean stopped;

        StallWatch(Duration timeout, InputStream body) {
            long limit = timeout.toNanos();
            thread = new Thread(() -> {
                while (!stopped) {
                    long idle = System.nanoTime() - lastProgress;
                    if (idle >= limit) {
                        stalled = true;
                        try {
                            body.close();
                        } catch (IOException ignored) {
                            // The body is abandoned either way; the download reports the stall.
                        }
                        return;
                    }
                    LockSupport.parkNanos(this, limit - idle);
                }
            }, "binaryconnect-download-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void progressed() {
            lastProgress = System.nanoTime();
        }

        boolean stalled() {
            return stalled;
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a leftover .part file is never read, and the next download makes a new one.
        }
    }
}
