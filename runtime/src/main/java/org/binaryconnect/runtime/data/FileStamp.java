package org.binaryconnect.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's name, size and modification time, as build tools compare inputs: what the checkpoint's run key and the
 * plugin's up-to-date check record of each data file.
 */
public final class FileStamp {

    private FileStamp() {
    }

    /** {@code "<name> <bytes> <millis>"}, or {@code "<name> missing"} when the file cannot be read. */
    public static String of(Path file) {
        try {
            return file.getFileName() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.getFileName() + " missing";
        }
    }
}
