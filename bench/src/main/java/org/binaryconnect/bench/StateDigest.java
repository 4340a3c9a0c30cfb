package org.binaryconnect.bench;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.nn.Buf;

/**
 * Trains a benchmark network for a few steps on the benchmark's data and prints a SHA-256 of every state array's bits
 * and the losses' bits: two kernel configurations that print the same digest gave the same results, bit for bit.
 * {@code java ... org.binaryconnect.bench.StateDigest SeedCnn 5}, with the JVM options of the configuration (for
 * example {@code -XX:ActiveProcessorCount=1} runs every kernel split on one thread).
 */
public final class StateDigest {

    private StateDigest() {
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        String name = args.length > 0 ? args[0] : "SeedCnn";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TrainableNetwork network = name.equals("Cifar10Cnn") ? new Cifar10CnnNetwork() : new SeedCnnNetwork();
        int batch = network.description().batchSize();
        BatchSource source = new BatchSources(42).forNetwork(network.description());
        Buf input = Buf.of(network.input());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        double learningRate = network.description().training().learningRateStart();
        for (int step = 0; step < steps; step++) {
            source.fill(input, network.labels(), batch);
            double loss = network.trainStep(learningRate);
            digest.update(ByteBuffer.allocate(Double.BYTES).putDouble(loss).array());
            System.out.printf(Locale.ROOT, "step %d loss %.9f%n", step + 1, loss);
        }
        List<NamedArray> state = network.state();
        for (NamedArray array : state) {
            Buf values = Buf.of(array.array());
            ByteBuffer bytes = ByteBuffer.allocate(values.length() * Double.BYTES);
            for (int i = 0; i < values.length(); i++) {
                bytes.putDouble(values.get(i));
            }
            digest.update(bytes.array());
        }
        System.out.println("DIGEST " + name + " " + steps + " steps, " + state.size() + " state arrays: "
                + HexFormat.of().formatHex(digest.digest()));
    }
}
