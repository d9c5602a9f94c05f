package org.sunshinehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The package boundaries DESIGN.md draws, enforced by the build. */
class ModularityTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sunshinehub");

    @Test
    void modulesOnlyUseEachOthersPublicSurfaceAndHaveNoCycles() {
        ApplicationModules.of(SunshineHubApplication.class).verify();
    }

    @Test
    void dispatchNeverImportsAChannel() {
        noClasses().that().resideInAPackage("org.sunshinehub.dispatch..")
                .should().dependOnClassesThat().resideInAPackage("org.sunshinehub.channel..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void nothingInMainCodeImportsTheSandbox() {
        noClasses().that().resideOutsideOfPackage("org.sunshinehub.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("org.sunshinehub.sandbox..")
                .check(MAIN);
    }
}
