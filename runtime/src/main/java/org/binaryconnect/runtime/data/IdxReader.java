package org.binaryconnect.runtime.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, either raw or gzip-compressed. Compression is detected
 * from the gzip magic bytes, not from the file name, since renamed and decompressed copies are common.
 *
 * <p>Everything is validated before it is trusted: magic number, header, that exactly as many bytes follow as the
 * header declares, and that declared sizes are possible for a file of this length before anything is
 * allocated, so a damaged header gives a {@link DataException} and never an {@code OutOfMemoryError}.
 */
public final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    // Deflate cannot expand data by more than about 1032:1, so a gzip file declaring more is damaged.
    private static final long MAX_DEFLATE_RATIO = 1032;
    // The largest Java array the JVM reliably allocates.
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {
    }

    /** Reads an IDX file of unsigned-byte images (magic 0x00000803, three dimensions: count, rows, columns). */
    public static IdxImages readImages(Path file) {
        Content content = read(file, IMAGES_MAGIC, "image");
        int[] dims = content.dimensions();
        return new IdxImages(file, dims[0], dims[1], dims[2], content.payload());
    }

    /** Reads an IDX file of unsigned-byte labels (magic 0x00000801, one dimension: count). */
    public static byte[] readLabels(Path file) {
        return read(file, LABELS_MAGIC, "label").payload();
    }

    private record Content(int[] dimensions, byte[] payload) {
    }

    private static Content read(Path file, int expectedMagic, String kind) {
        long fileLength;
        try {
            fileLength = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist.");
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean gzip = startsWithGzipMagic(raw);
            try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return readContent(file, new DataInputStream(in), gzip, fileLength, expectedMagic, kind);
            }
        } catch (ZipException | EOFException e) {
            // Both come from the gzip layer: a header or deflate stream that is cut short or corrupt.
            throw new DataException(file + " is a damaged or truncated gzip file (" + e.getMessage()
                    + "): download or decompress it again.", e);
        } catch (IOException e) {
            throw new DataException("Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static Content readContent(Path file, DataInputStream in, boolean gzip, long fileLength,
            int expectedMagic, String kind) throws IOException {
        int dimensionCount = expectedMagic & 0xff;
        int headerLength = 4 + 4 * dimensionCount;
        byte[] header = new byte[headerLength];
        int headerRead = in.readNBytes(header, 0, headerLength);
        if (headerRead >= 4) {
            int magic = readInt(header, 0);
            if (magic != expectedMagic) {
                throw new DataException(wrongMagic(file, magic, expectedMagic, kind));
            }
        }
        if (headerRead < headerLength) {
            throw new DataException(file + " is truncated: it ends after " + headerRead + " bytes, inside the "
                    + headerLength + "-byte header of an IDX " + kind + " file.");
        }
        int[] dims = new int[dimensionCount];
        long payloadLength = 1;
        for (int i = 0; i < dimensionCount; i++) {
            dims[i] = readInt(header, 4 + 4 * i);
            // The count (first dimension) may be zero; an image's rows and columns may not.
            if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                throw new DataException(file + " declares the impossible size " + describe(dims, i + 1, kind)
                        + " in its header: it is damaged or not an IDX " + kind + " file.");
            }
            payloadLength *= dims[i]; // at most (2^31)^3 < 2^63: cannot overflow
        }
        long available = gzip ? MAX_DEFLATE_RATIO * fileLength : fileLength - headerLength;
        if (payloadLength > MAX_ARRAY || payloadLength > available && gzip) {
            throw new DataException(file + " declares " + describe(dims, dimensionCount, kind) + " ("
                    + payloadLength + " bytes), more than a " + fileLength
                    + "-byte file can hold: it is damaged or not an IDX " + kind + " file.");
        }
        if (payloadLength > available) {
            throw new DataException(truncated(file, dims, kind, payloadLength, available));
        }
        byte[] payload = readPayload(in, (int) payloadLength);
        if (payload.length < payloadLength) {
            throw new DataException(truncated(file, dims, kind, payloadLength, payload.length));
        }
        long trailing = in.transferTo(OutputStream.nullOutputStream());
        if (trailing > 0) {
            throw new DataException(file + " has " + trailing + " bytes after the " + payloadLength
                    + " its header declares (" + describe(dims, dimensionCount, kind)
                    + "): it is damaged or several files were joined; download it again.");
        }
        return new Content(dims, payload);
    }

    /** Reads up to {@code length} bytes, growing the buffer as data arrives so that a lying header allocates little. */
    private static byte[] readPayload(InputStream in, int length) throws IOException {
        byte[] buffer = new byte[Math.min(length, FIRST_CHUNK)];
        int filled = 0;
        while (filled < length) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(length, 2L * buffer.length));
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                return Arrays.copyOf(buffer, filled);
            }
            filled += read;
        }
        return buffer;
    }

    private static String wrongMagic(Path file, int magic, int expectedMagic, String kind) {
        String hint = magic == IMAGES_MAGIC ? " (that of an image file)"
                : magic == LABELS_MAGIC ? " (that of a label file)" : "";
        return file + " is not an IDX " + kind + " file: its magic number is " + hex(magic) + hint + ", expected "
                + hex(expectedMagic) + "; check which file is given for which.";
    }

    private static String truncated(Path file, int[] dims, String kind, long declared, long present) {
        return file + " is truncated: its header declares " + describe(dims, dims.length, kind) + " (" + declared
                + " bytes) but only " + present + " bytes follow; download it again.";
    }

    private static String describe(int[] dims, int known, String kind) {
        if (dims.length == 1) {
            return dims[0] + " " + kind + "s";
        }
        StringBuilder text = new StringBuilder().append(dims[0]).append(' ').append(kind).append("s");
        if (known > 1) {
            text.append(" of ").append(dims[1]);
            for (int i = 2; i < known; i++) {
                text.append('x').append(dims[i]);
            }
        }
        return text.toString();
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | (bytes[offset + 3] & 0xff);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
