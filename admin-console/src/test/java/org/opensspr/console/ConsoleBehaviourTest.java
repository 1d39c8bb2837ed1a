package org.opensspr.console;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.console.shell.ConsoleShell;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.opensspr.ui.settings.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Role-aware read-only panes, accessible texts everywhere, remembered theme and window, and the unsaved-changes prompt. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class ConsoleBehaviourTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    private ConsoleShell shell(FxRobot robot) {
        return (ConsoleShell) console.stage().getScene().getRoot();
    }

    @Test
    void aReportsReaderSeesEveryPolicyPaneReadOnlyWithTheReasonAndCannotSave(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isVisible()).isFalse();
        for (String key : List.of("properties", "methods", "registration", "notifications", "onprem", "admins")) {
            console.open(key);
            Label note = robot.lookup(".read-only-note").match(Node::isVisible).queryAs(Label.class);
            assertThat(note.getText()).contains("Reports Reader").contains("Authentication Policy Administrator");
        }
        RadioButton no = robot.lookup("#admins-selfService-no").queryAs(RadioButton.class);
        assertThat(no.isDisabled()).isTrue();
        console.open("registration");
        assertThat(robot.lookup("#reconfirmDays").queryAs(javafx.scene.control.TextField.class).isDisabled()).isTrue();

        console.open("users");
        assertThat(console.text("#notForYourRoleReason")).as("not 'a later version': this role can't read users")
                .isEqualTo("Your role (Reports Reader) can't read the directory, so Users isn't available to it. Roles"
                        + " that read the directory can use it, for example a Helpdesk Administrator or a Global"
                        + " Administrator.");
        assertThat(robot.lookup("#usersTable").tryQuery()).isEmpty();
    }

    @Test
    void anAuthenticationPolicyAdministratorCanEditAndSave(FxRobot robot) {
        console.signInAs(Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
        console.open("notifications");
        assertThat(robot.lookup(".read-only-note").match(Node::isVisible).tryQuery()).isEmpty();
        assertThat(robot.lookup("#notifications-users-no").queryAs(RadioButton.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#saveButton").queryAs(Button.class).isVisible()).isTrue();
    }

    @Test
    void everyControlOfEveryViewHasAnAccessibleText(FxRobot robot) {
        List<String> unnamed = new ArrayList<>();
        unnamed.addAll(AccessibleTextAudit.unnamedControls(console.stage().getScene().getRoot()));
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        for (String key : shell(robot).viewKeys()) {
            console.open(key);
            AccessibleTextAudit.unnamedControls((Parent) console.stage().getScene().getRoot())
                    .forEach(control -> unnamed.add(key + ": " + control));
        }
        assertThat(unnamed).isEmpty();
    }

    @Test
    void theThemeAndTheWindowSizeAreRememberedForTheNextRun(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        String before = console.text("#themeToggle");
        console.click("#themeToggle");
        assertThat(console.text("#themeToggle")).isNotEqualTo(before);
        robot.interact(() -> {
            console.stage().setWidth(1000);
            console.stage().setHeight(700);
        });
        robot.interact(() -> console.stage().fireEvent(new WindowEvent(console.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));

        UiSettings remembered = new UiSettings(console.settingsFile());
        assertThat(remembered.get("theme")).contains(before.startsWith("Dark") ? "DARK" : "LIGHT");
        assertThat(remembered.getDouble("window.width", 0)).isEqualTo(1000);
        assertThat(remembered.getDouble("window.height", 0)).isEqualTo(700);
        assertThat(remembered.get("server")).contains(server.url());
    }

    @Test
    void signingOutWithUnsavedChangesAsksFirstAndKeepsThemWhenTheAdminStays(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("registration");
        console.type("#reconfirmDays", "77");
        console.open("notifications");
        assertThat(robot.lookup("#unsavedMarker").queryAs(Label.class).isVisible()).isTrue();

        console.click("#signOutButton");
        robot.clickOn("Stay here");
        console.open("registration");
        assertThat(console.text("#reconfirmDays")).isEqualTo("77");

        console.click("#signOutButton");
        robot.clickOn("Discard them");
        console.waitIdle();
        assertThat(robot.lookup("#signInButton").tryQuery()).isPresent();
        assertThat(Window.getWindows()).hasSize(1);
        assertThat(server.server().policies().current().policy().registration().reconfirmDays()).isNotEqualTo(77);
    }
}
