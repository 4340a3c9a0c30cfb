package org.binaryconnect.runtime.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages import each other without a cycle (README, "How it is built"): nn, optim and io at the
 * bottom, then the network contract, run, data and model, then report, train and export, and cli on top. The
 * other modules are one package each, and Maven refuses cycles between modules.
 */
class PackageCyclesTest {

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.binaryconnect.runtime");

    @Test
    void runtimePackagesHaveNoCycles() {
        slices().matching("org.binaryconnect.runtime.(*)..").should().beFreeOfCycles().check(RUNTIME);
    }
}
