package org.binaryconnect.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class ScheduleOverridesTest {

    @Test
    void passesOnlyTheValuesThatAreSet() {
        assertEquals(List.of(), ScheduleOverrides.NONE.arguments());
        assertEquals(List.of("--epochs", "250", "--seed", "7"),
                new ScheduleOverrides(250, null, null, 7L, null).arguments());
        assertEquals(List.of("--learning-rate-start", "0.003", "--learning-rate-end", "2.0E-6",
                "--validation-samples", "0"), new ScheduleOverrides(null, 0.003, 2e-6, null, 0).arguments());
    }

    @Test
    void acceptsSensibleValues() {
        assertDoesNotThrow(() -> new ScheduleOverrides(1, 1e-3, 3e-6, -5L, 0).validate());
        assertDoesNotThrow(ScheduleOverrides.NONE::validate);
    }

    @Test
    void rejectsValuesNoTrainingCanUseNamingTheParameter() {
        assertRejected(new ScheduleOverrides(0, null, null, null, null), "epochs");
        assertRejected(new ScheduleOverrides(null, -1.0, null, null, null), "learningRateStart");
        assertRejected(new ScheduleOverrides(null, null, Double.NaN, null, null), "learningRateEnd");
        assertRejected(new ScheduleOverrides(null, null, null, null, -1), "validationSamples");
    }

    private static void assertRejected(ScheduleOverrides overrides, String parameter) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, overrides::validate);
        assertTrue(e.getMessage().contains("-Dbinaryconnect." + parameter), e.getMessage());
    }
}
