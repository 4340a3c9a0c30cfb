package org.binaryconnect.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.binaryconnect.processor.specs.HingeGradientNetNetwork;
import org.binaryconnect.processor.specs.SplitTrainingNetNetwork;
import org.binaryconnect.runtime.network.NamedArray;
import org.binaryconnect.runtime.network.TrainableNetwork;
import org.binaryconnect.runtime.optim.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training is a function of the seed alone: stochastic binarization, dropout and initialisation draw from the
 * network's own generator, and the kernels' two-thread split gives the same bits as one thread. States are compared
 * bit for bit (SHA-256 of every element's raw bits), never with {@code INDArray.equals}, which allows 1e-5.
 */
class DeterminismTest {

    @Test
    void sameSeedSameBitsDifferentSeedDifferentBits() {
        String first = digest(train(new HingeGradientNetNetwork(DataType.FLOAT, 42), 30));
        String second = digest(train(new HingeGradientNetNetwork(DataType.FLOAT, 42), 30));
        String other = digest(train(new HingeGradientNetNetwork(DataType.FLOAT, 43), 30));
        assertEquals(first, second, "two runs with one seed");
        assertNotEquals(first, other, "a different seed trains differently");
    }

    /**
     * Two JVMs told they have two processors and one ({@code -XX:ActiveProcessorCount}): the first splits
     * binarization, Adam and batch norm over two threads, the second runs them in place. Both end in the same bits.
     */
    @Test
    void twoKernelThreadsGiveTheBitsOfOne() throws Exception {
        String twoThreads = trainInChildJvm(2);
        String oneThread = trainInChildJvm(1);
        assertEquals(oneThread, twoThreads, "the state after " + Probe.STEPS + " steps with one and two threads");
        assertNotEquals(digest(List.of()), oneThread, "the probe hashed no state");
    }

    static List<INDArray> train(TrainableNetwork network, int steps) {
        for (int step = 0; step < steps; step++) {
            Batches.fillRandom(network, step);
            network.trainStep(1e-2);
        }
        List<INDArray> arrays = new ArrayList<>();
        for (NamedArray state : network.state()) {
            arrays.add(state.array());
        }
        for (Parameter parameter : network.parameters()) {
            arrays.add(parameter.firstMoment());
            arrays.add(parameter.secondMoment());
        }
        return arrays;
    }

    static String digest(List<INDArray> arrays) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (INDArray array : arrays) {
                for (float value : array.castTo(DataType.FLOAT).data().asFloat()) {
                    int bits = Float.floatToRawIntBits(value);
                    sha.update(new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8),
                        (byte) bits});
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String trainInChildJvm(int processors) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-XX:ActiveProcessorCount=" + processors,
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Probe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not end");
        String text = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "the probe JVM failed:\n" + text);
        String prefix = "state " + processors + " ";
        return text.lines().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no state line from the probe:\n" + text));
    }

    /** The child JVM: trains {@link SplitTrainingNetNetwork} and prints its processor count and the state's digest. */
    static final class Probe {
        static final int STEPS = 12;

        public static void main(String[] args) {
            String digest = digest(train(new SplitTrainingNetNetwork(DataType.FLOAT, 5), STEPS));
            System.out.println("state " + Runtime.getRuntime().availableProcessors() + " " + digest);
        }
    }
}
