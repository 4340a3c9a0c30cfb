package org.binaryconnect.runtime.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.binaryconnect.runtime.network.NetworkDescription;
import org.binaryconnect.runtime.run.TrainingConfig;

/**
 * Names a training run by what determines its result: the network (fingerprint and generated-code version), the
 * schedule, the seed and the data. A checkpoint is resumed only by a run with the same key.
 */
final class RunKey {

    private RunKey() {
    }

    static String of(NetworkDescription description, TrainingConfig config, String dataKey) {
        String text = String.join("\n", description.fingerprint(),
                String.valueOf(NetworkClasses.GENERATED_CODE_VERSION), String.valueOf(description.batchSize()),
                String.valueOf(config.epochs()), Double.toString(config.learningRateStart()),
                Double.toString(config.learningRateEnd()), String.valueOf(config.validationSamples()),
                String.valueOf(config.seed()), dataKey);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
