package org.opensspr.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** docs/design.md §19: views reach the server only through their models; the console never reaches into the server. */
@AnalyzeClasses(packages = "org.opensspr.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ConsoleArchitectureTest {

    @ArchTest
    static final ArchRule viewsDoNotCallTheServer = noClasses()
            .that().haveSimpleNameEndingWith("Pane").or().haveSimpleNameEndingWith("View")
            .or().haveSimpleNameEndingWith("Dialog").or().haveSimpleNameEndingWith("Editor")
            .should().dependOnClassesThat().resideInAnyPackage("org.opensspr.client..", "okhttp3..")
            .because("a view binds to its model; the model makes the call off the FX thread");

    @ArchTest
    static final ArchRule consoleTalksOnlyThroughTheApi = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.opensspr.server..", "org.jooq..", "io.javalin..")
            .because("the console is a client of the HTTP API like any other (issue #5)");

    @ArchTest
    static final ArchRule theKioskOnlyForItsPreview = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.opensspr.kiosk..")
                    .and(not(resideInAPackage("org.opensspr.kiosk.preview.."))))
            .because("the console shows the kiosk's sign-in screen as a preview and nothing more of it (ADR 0009)");
}
