package org.binaryconnect.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.binaryconnect.runtime.network.ConfigurationException;
import org.binaryconnect.runtime.network.NetworkClasses;
import org.junit.jupiter.api.Test;

class NetworkClassesTest {

    @Test
    void usesTheDeclaredSeedUnlessOverridden() {
        LinearSoftmaxNetwork declared = (LinearSoftmaxNetwork) NetworkClasses.instantiate(
                LinearSoftmaxNetwork.class.getName(), OptionalLong.empty());
        LinearSoftmaxNetwork overridden = (LinearSoftmaxNetwork) NetworkClasses.instantiate(
                LinearSoftmaxNetwork.class.getName(), OptionalLong.of(5));

        assertEquals(77, declared.seed());
        assertEquals(5, overridden.seed());
    }

    @Test
    void readsTheDeclaredSeedFromAnInstanceWhenThereIsNoConstant() {
        TestNetworks.WithoutDescriptionConstant network = (TestNetworks.WithoutDescriptionConstant) NetworkClasses
                .instantiate(TestNetworks.WithoutDescriptionConstant.class.getName(), OptionalLong.empty());

        assertEquals(TestNetworks.WithoutDescriptionConstant.DECLARED_SEED, network.seed());
    }

    @Test
    void classesOfAnotherGeneratedCodeVersionAreRefusedWithWhatToDo() {
        for (Class<?> stale : new Class<?>[] {TestNetworks.GeneratedBeforeVersions.class,
                TestNetworks.GeneratedByAnotherVersion.class}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> NetworkClasses.instantiate(stale.getName(), OptionalLong.empty()));
            assertTrue(e.getMessage().contains("version of the BinaryConnect processor"), e.getMessage());
            assertTrue(e.getMessage().endsWith("rebuild the project with mvn clean compile."), e.getMessage());
        }
    }

    @Test
    void describeReadsTheConstantWithoutAnInstanceAndChecksTheVersion() {
        ClassLoader loader = getClass().getClassLoader();
        int before = LinearSoftmaxNetwork.instances();

        assertEquals(LinearSoftmaxNetwork.DESCRIPTION, NetworkClasses.describe(LinearSoftmaxNetwork.class.getName(),
                loader));
        assertEquals(before, LinearSoftmaxNetwork.instances(), "no buffers allocated to describe a network");
        assertEquals(TestNetworks.WithoutDescriptionConstant.DECLARED_SEED, NetworkClasses.describe(
                TestNetworks.WithoutDescriptionConstant.class.getName(), loader).training().seed());
        assertThrows(ConfigurationException.class, () -> NetworkClasses.describe(
                TestNetworks.GeneratedByAnotherVersion.class.getName(), loader));
    }

    @Test
    void unknownClassIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> NetworkClasses.instantiate("com.example.Missing", OptionalLong.empty()));

        assertTrue(e.getMessage().startsWith("No class com.example.Missing is on the classpath"), e.getMessage());
    }

    @Test
    void classThatIsNotANetworkIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> NetworkClasses.instantiate("java.lang.String", OptionalLong.empty()));

        assertTrue(e.getMessage().contains("is not a generated network"), e.getMessage());
    }

    @Test
    void missingConstructorIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> NetworkClasses.instantiate(TestNetworks.WrongConstructor.class.getName(), OptionalLong.of(1)));

        assertTrue(e.getMessage().contains("has no public constructor (DataType, long seed)"), e.getMessage());
    }

    @Test
    void constructorFailureIsRethrownUnwrapped() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NetworkClasses.instantiate(
                TestNetworks.FailingToInitialise.class.getName(), OptionalLong.of(1)));

        assertEquals("buffer sizes disagree", e.getMessage());
    }
}
