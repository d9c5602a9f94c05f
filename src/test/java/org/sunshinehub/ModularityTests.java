package org.sunshinehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The package boundaries DESIGN.md draws, enforced by the build. */
class ModularityTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sunshinehub");

    @Test
    void modulesOnlyUseEachOthersPublicSurfaceAndHaveNoCycles() {
        ApplicationModules.of(SunshineHubApplication.class).verify();
    }

    /** docs/architecture.md links these: the module diagrams and canvases as the code has them. */
    @Test
    void theModuleDocumentationInDocsIsWrittenFromTheCode() {
        new Documenter(ApplicationModules.of(SunshineHubApplication.class),
                Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();

        assertThat(Path.of("docs/modules/components.puml")).exists();
        assertThat(Path.of("docs/modules/module-dispatch.adoc")).content().contains("Dispatcher");
    }

    @Test
    void dispatchNeverImportsAChannel() {
        noClasses().that().resideInAPackage("org.sunshinehub.dispatch..")
                .should().dependOnClassesThat().resideInAPackage("org.sunshinehub.channel..")
                .check(MAIN);
    }

    @Test
    void nothingInMainCodeImportsTheSandbox() {
        noClasses().that().resideOutsideOfPackage("org.sunshinehub.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("org.sunshinehub.sandbox..")
                .check(MAIN);
    }
}
