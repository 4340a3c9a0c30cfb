package org.binaryconnect.runtime.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a .tar.gz archive into a directory, refusing anything that could land outside it: absolute names,
 * {@code ..} components, links and device files. Only regular files and directories are created.
 */
final class TarGzExtractor {

    private TarGzExtractor() {
    }

    /** @throws DataException naming the archive and the offending entry */
    static void extract(Path archive, Path destination) {
        Path root = destination.toAbsolutePath().normalize();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
            Files.createDirectories(root);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || Path.of(entry.getName()).isAbsolute()) {
                    throw new DataException(archive + " has the entry " + entry.getName() + ", which points outside "
                            + "the directory it is unpacked into, so it was not unpacked: download it again from "
                            + "the official address.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                } else {
                    throw new DataException(archive + " has the entry " + entry.getName() + ", which is a link or "
                            + "special file, so it was not unpacked: download it again from the official address.");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DataException(archive + " is not a complete .tar.gz archive (" + e.getMessage() + "): delete "
                    + "it and download it again.", e);
        }
    }
}
