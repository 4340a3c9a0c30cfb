package org.binaryconnect.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.TrainingDefaults;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    private static final TrainingDefaults DEFAULTS = new TrainingDefaults(250, 1e-3, 3e-6, 10000, 1234);

    @Test
    void defaultsApplyWithoutOverrides() {
        TrainingConfig config = TrainingConfig.of(DEFAULTS, TrainingOverrides.none(), Path.of("out"));

        assertEquals(new TrainingConfig(250, 1e-3, 3e-6, 10000, 1234, Path.of("out")), config);
    }

    @Test
    void overridesReplaceOnlyWhatTheyName() {
        TrainingOverrides overrides = TrainingOverrides.none().withEpochs(3).withLearningRateEnd(1e-4).withSeed(9);

        TrainingConfig config = TrainingConfig.of(DEFAULTS, overrides, Path.of("out"));

        assertEquals(new TrainingConfig(3, 1e-3, 1e-4, 10000, 9, Path.of("out")), config);
        assertEquals(1e-4, config.schedule().rateAt(4), 1e-12);
    }

    @Test
    void everyOverrideIsApplied() {
        TrainingOverrides overrides = TrainingOverrides.none().withEpochs(1).withLearningRateStart(0.1)
                .withLearningRateEnd(0.01).withValidationSamples(5).withSeed(2);

        assertEquals(new TrainingConfig(1, 0.1, 0.01, 5, 2, Path.of("o")),
                TrainingConfig.of(DEFAULTS, overrides, Path.of("o")));
    }

    @Test
    void impossibleValuesAreConfigurationErrors() {
        assertTrue(assertThrows(ConfigurationException.class,
                () -> TrainingConfig.of(DEFAULTS, TrainingOverrides.none().withEpochs(0), Path.of("o")))
                .getMessage().contains("epochs must be at least 1, got 0"));
        assertThrows(ConfigurationException.class,
                () -> TrainingConfig.of(DEFAULTS, TrainingOverrides.none().withLearningRateStart(-1), Path.of("o")));
        assertThrows(ConfigurationException.class,
                () -> TrainingConfig.of(DEFAULTS, TrainingOverrides.none().withLearningRateEnd(Double.NaN),
                        Path.of("o")));
        assertThrows(ConfigurationException.class,
                () -> TrainingConfig.of(DEFAULTS, TrainingOverrides.none().withValidationSamples(-1), Path.of("o")));
    }
}
