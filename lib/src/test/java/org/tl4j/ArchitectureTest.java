package org.tl4j;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Which package may use which: data and training draw nothing, charts draw what they are given, tools stay apart. */
class ArchitectureTest {
    private static JavaClasses library;

    @BeforeAll
    static void importTheLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tl4j");
    }

    @Test
    void dataAndTrainingImportNoChartsOrDisplays() {
        noClasses().that().resideInAnyPackage("org.tl4j.data..", "org.tl4j.train..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tl4j.viz..", "org.knowm.xchart..")
                .because("progress and results reach the display through listeners and renderers that viz implements")
                .check(library);
    }

    @Test
    void chartsDoNotReachIntoTheTransferPackage() {
        noClasses().that().resideInAPackage("org.tl4j.viz..")
                .should().dependOnClassesThat().resideInAPackage("org.tl4j.transfer..")
                .because("viz draws what it is given")
                .check(library);
    }

    @Test
    void programsWithAMainLiveInTools() {
        methods().that().haveName("main").and().areStatic()
                .should().beDeclaredInClassesThat().resideInAPackage("org.tl4j.tools..")
                .because("data preparation, zoo training and the bench are tools, not domain code")
                .check(library);
    }

    @Test
    void theDomainDoesNotDependOnTheTools() {
        noClasses().that().resideOutsideOfPackage("org.tl4j.tools..")
                .should().dependOnClassesThat().resideInAPackage("org.tl4j.tools..")
                .check(library);
    }
}
