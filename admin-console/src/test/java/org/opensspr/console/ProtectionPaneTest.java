package org.opensspr.console;

import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.console.support.Snapshots;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.console.protection.BannedTermsImport;
import org.opensspr.console.protection.ProtectionPane;
import org.opensspr.directory.Role;
import org.opensspr.password.PasswordViolation;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.PasswordProtectionPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.signin.CloudPasswordRules;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SharedServer
@ExtendWith(ApplicationExtension.class)
class ProtectionPaneTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void termsAndLockoutAreCheckedByTheValidatorSavedAndShownAfterSigningInAgain(FxRobot robot) {
        console.signInAs(Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
        console.open("protection");
        int before = server.server().policies().current().version();

        console.type("#newTerm", "abc");
        robot.type(KeyCode.ENTER);
        console.type("#lockoutThreshold", "ten");
        console.save();
        assertThat(console.fieldErrors()).containsExactly("Enter a whole number of failed sign-ins from 1 to 100.");

        console.type("#lockoutThreshold", "7");
        console.type("#lockoutDuration", "4000");
        console.save();
        assertThat(console.fieldErrors()).containsExactlyInAnyOrder(
                "The banned term \"abc\" is shorter than 4 characters.",
                "The lockout duration must be from 5 to 1800 seconds.");
        console.snapshots("protection-invalid");
        assertThat(server.server().policies().current().version()).isEqualTo(before);

        ListView<?> terms = robot.lookup("#bannedTerms").queryAs(ListView.class);
        robot.interact(() -> {
            terms.getSelectionModel().select(0);
            terms.requestFocus(); // a click could land on another row and change the selection
        });
        robot.type(KeyCode.DELETE);
        console.type("#newTerm", "Fabrikam");
        console.click("#addTerm");
        console.type("#lockoutDuration", "900");
        console.save();
        assertThat(console.fieldErrors()).isEmpty();
        PasswordProtectionPolicy saved = server.server().policies().current().policy().passwordProtection();
        assertThat(saved).isEqualTo(new PasswordProtectionPolicy(List.of("Fabrikam"), 7, 900));

        console.signOut();
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("protection");
        assertThat(robot.lookup("#bannedTerms").queryAs(ListView.class).getItems()).containsExactly("Fabrikam");
        assertThat(console.text("#lockoutThreshold")).isEqualTo("7");
        assertThat(console.text("#lockoutDuration")).isEqualTo("900");
        assertThat(AccessibleTextAudit.unnamedControls(console.find(ProtectionPane.class))).isEmpty();
        console.snapshots("protection");
    }

    @Test
    void importingATextFileAddsNewTermsAndSaysWhatItSkipped(FxRobot robot) throws IOException {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("protection");
        ProtectionPane pane = console.find(ProtectionPane.class);
        robot.interact(() -> pane.model().terms().setAll("Northwind"));
        Path file = Files.createTempFile("banned", ".txt");
        Files.writeString(file, "\uFEFFTailspin\n  N0rthwind  \n\nWingtip\ntailspin\nabc\nwoodgrove-bank-holdings-ltd\nWingtip\n",
                StandardCharsets.UTF_8);

        AtomicReference<BannedTermsImport.Result> result = new AtomicReference<>();
        robot.interact(() -> {
            try {
                result.set(pane.model().importFrom(file));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(result.get()).isEqualTo(new BannedTermsImport.Result(2, 3, 2, 0));
        assertThat(pane.model().terms()).containsExactly("Northwind", "Tailspin", "Wingtip");
        assertThat(console.text("#termsStatus")).isEqualTo("Imported 2 terms. Skipped 3 duplicates, "
                + "2 terms not 4 to 16 characters long, none over the limit of 1,000.");
        assertThat(console.text("#termCount")).isEqualTo("3 of 1,000 terms");

        Path latin1 = Files.createTempFile("banned", ".txt");
        Files.write(latin1, "Z\u00fcrich\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> BannedTermsImport.readTerms(latin1)).isInstanceOf(BannedTermsImport.UnreadableFileException.class);

        List<String> many = java.util.stream.IntStream.range(0, 1100).mapToObj(i -> "term" + i).toList();
        robot.interact(() -> result.set(pane.model().addImported(many)));
        assertThat(result.get().overLimit()).isEqualTo(103);
        assertThat(pane.model().terms()).hasSize(1000);
    }

    @Test
    void tryingAPasswordScoresItAsTheServerWouldWithTheUnsavedTerms(FxRobot robot) {
        var policies = server.server().policies();
        SsprPolicy withName = policies.currentPolicy().withCustomization(
                new CustomizationPolicy(false, "", "Contoso", "", ""));
        policies.update(policies.current().version(), withName, "test");
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("protection");
        ProtectionPane pane = console.find(ProtectionPane.class);
        robot.interact(() -> pane.model().terms().setAll("Fabrikam", "Litware"));

        String tried = "C0ntoso-Fabrikam!";
        console.type("#tryPassword", tried);
        console.waitIdle();

        SsprPolicy unsaved = pane.model().store(policies.currentPolicy());
        List<PasswordViolation> server = new CloudPasswordRules().check(unsaved, tried, "", "", current -> false);
        PasswordViolation.BannedPassword banned = server.stream()
                .filter(PasswordViolation.BannedPassword.class::isInstance)
                .map(PasswordViolation.BannedPassword.class::cast).findFirst().orElseThrow();
        assertThat(banned.matchedTerms()).containsExactly("contoso", "fabrikam");
        assertThat(console.text("#tryScore")).isEqualTo("Score " + banned.score() + ": refused. At least 5 points are needed.");
        assertThat(console.text("#tryMatched")).isEqualTo("Banned terms matched: contoso, fabrikam");
        console.snapshots("protection-try");

        console.type("#tryPassword", "Quartz-Meadow-Falcon-17");
        assertThat(console.text("#tryScore")).startsWith("Score ").contains("accepted");

        console.click("#tryPasswordShow");
        assertThat(robot.lookup("#tryPasswordShown").queryAs(TextField.class).getText()).isEqualTo("Quartz-Meadow-Falcon-17");
        console.open("registration");
        assertThat(pane.model().trialPasswordProperty().get()).as("forgotten when the pane is left").isEmpty();
        assertThat(pane.model().isDirty()).isTrue(); // the unsaved term, not the trial password
    }

    @Test
    void aReportsReaderSeesThePaneReadOnlyAndCanStillTryPasswords(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("protection");
        int before = server.server().policies().current().version();

        assertThat(robot.lookup(".read-only-note").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#newTerm").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#importTerms").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#lockoutThreshold").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#saveButton").query().isVisible()).isFalse();
        console.type("#tryPassword", "password");
        assertThat(console.text("#tryScore")).contains("refused");
        assertThat(AccessibleTextAudit.unnamedControls(console.find(ProtectionPane.class))).isEmpty();
        assertThat(server.server().policies().current().version()).isEqualTo(before);
    }
}
