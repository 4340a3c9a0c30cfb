package org.binaryconnect.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Stands in for {@code EvaluateMain} in a forked JVM: what it does depends on the network it is asked to evaluate. */
public final class FakeEvaluateMain {

    private FakeEvaluateMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = Arrays.asList(args);
        String network = arguments.get(arguments.indexOf("--network") + 1);
        Path output = Path.of(arguments.get(arguments.indexOf("--output") + 1));
        System.out.println("args " + String.join(" ", args));
        System.out.println("env OPENBLAS_THREAD_TIMEOUT=" + System.getenv("OPENBLAS_THREAD_TIMEOUT"));
        switch (network) {
            case "ok.TinyNetwork" -> {
                Files.createDirectories(output);
                Files.writeString(output.resolve("evaluation.json"), "{}\n");
                Files.writeString(output.resolve("confusion-matrix.csv"), "true_class,predicted_0\n0,1\n");
                System.out.println("accuracy 1.0000 (1/1)");
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
