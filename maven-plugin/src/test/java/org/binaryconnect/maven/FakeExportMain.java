package org.binaryconnect.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Stands in for {@code ExportMain} in a forked JVM: what it does depends on the network it is asked to export. */
public final class FakeExportMain {

    private FakeExportMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = Arrays.asList(args);
        String network = arguments.get(arguments.indexOf("--network") + 1);
        Path resources = Path.of(arguments.get(arguments.indexOf("--resource-dir") + 1));
        Path c = Path.of(arguments.get(arguments.indexOf("--c-dir") + 1));
        System.out.println("args " + String.join(" ", args));
        switch (network) {
            case "ok.TinyNetwork" -> {
                Files.createDirectories(resources.resolve("ok"));
                Files.write(resources.resolve("ok/Tiny.bcpk"), new byte[] {'B', 'C', 'P', 'K'});
                Files.createDirectories(c);
                Files.writeString(c.resolve("tiny.h"), "");
                Files.writeString(c.resolve("tiny.c"), "");
                System.out.println("packed model: 0.1 KiB (100 bytes) against 0.4 KiB of float32 weights: 4.0x smaller");
                System.exit(0);
            }
            case "bad.DamagedNetwork" -> {
                System.err.println("[binaryconnect] ERROR: Model file model.bin is damaged: train again or restore it.");
                System.exit(2);
            }
            default -> {
                System.err.println("[binaryconnect] ERROR: unexpected network " + network + ".");
                System.exit(1);
            }
        }
    }
}
