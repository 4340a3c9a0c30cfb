package org.binaryconnect.maven;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Stands in for {@code TrainMain} in a forked JVM: what it does depends on the network it is asked to train. */
public final class FakeTrainMain {

    private FakeTrainMain() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** What {@code TrainMain.run} is to the in-process launcher: the same cases, returning the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        List<String> arguments = Arrays.asList(args);
        String network = arguments.get(arguments.indexOf("--network") + 1);
        Path output = Path.of(arguments.get(arguments.indexOf("--output") + 1));
        out.println("args " + String.join(" ", args));
        out.println("OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE"));
        out.println("cwd " + Path.of("").toAbsolutePath());
        out.println("parent " + System.getenv("BINARYCONNECT_PARENT_PID"));
        out.println("vector module " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        switch (network) {
            case "ok.TinyNetwork" -> {
                for (int epoch = 1; epoch <= 2; epoch++) {
                    out.println("epoch " + epoch + " done");
                }
                err.println("a warning on stderr");
                Files.write(output.resolve("model.bin"), new byte[] {1, 2, 3});
                Files.write(output.resolve("checkpoint.bin"), new byte[] {4});
                Files.writeString(output.resolve("metrics.csv"), "epoch\n1\n2\n");
                return 0;
            }
            case "bad.DivergingNetwork" -> {
                out.println("epoch 1 done");
                err.println("[binaryconnect] ERROR: the loss diverged in epoch 2; lower learningRateStart.");
                return 2;
            }
            default -> {
                err.println("[binaryconnect] ERROR: unexpected network " + network + ".");
                return 1;
            }
        }
    }
}
