package org.opensspr;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain stays free of UI, SQL and web frameworks so every app and the server can share it. */
@AnalyzeClasses(packages = "org.opensspr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainImportsNoUiSqlOrWebFramework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.jooq..", "io.javalin..", "java.sql..", "javax.sql..", "org.eclipse.jetty..")
            .because("shared-model is the pure domain (docs/design.md §1): the server, console and kiosk all depend on it");

    @ArchTest
    static final ArchRule engineDoesNotTalkHttp = noClasses()
            .that().resideInAnyPackage("org.opensspr.policy..", "org.opensspr.directory..",
                    "org.opensspr.eligibility..", "org.opensspr.flow..", "org.opensspr.password..",
                    "org.opensspr.throttling..", "org.opensspr.methods..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "org.opensspr.client..")
            .because("the rules are pure functions; only the client package talks HTTP");

    @ArchTest
    static final ArchRule wireContractIsPlainRecords = noClasses()
            .that().resideInAPackage("org.opensspr.api..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..", "org.opensspr.client..")
            .because("the server uses the API records and error codes too, and must not need the HTTP client");
}
