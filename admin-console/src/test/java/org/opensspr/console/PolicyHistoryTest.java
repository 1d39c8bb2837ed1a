package org.opensspr.console;

import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.console.support.Snapshots;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.console.history.PolicyHistoryView;
import org.opensspr.console.registration.RegistrationPane;
import org.opensspr.directory.Role;
import org.opensspr.policy.NotificationPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class PolicyHistoryTest {
    private InProcessServer server;
    private ConsoleDriver console;
    private SsprPolicy first;

    private void twoSavedVersions() {
        var policies = server.server().policies();
        first = policies.currentPolicy().withRegistration(new RegistrationPolicy(true, 30));
        policies.update(0, first, "alice@contoso.example");
        policies.update(1, first.withRegistration(new RegistrationPolicy(true, 60))
                .withNotifications(new NotificationPolicy(false, true)), "bob@contoso.example");
    }

    @Start
    void start(Stage stage) {
        server = InProcessServer.start(TestDatabases.H2); // a fresh history for every test
        twoSavedVersions();
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void versionsShowAuthorsAndTheDiffAndRollbackRestoresAVersionAfterAskingAboutUnsavedEdits(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("registration");
        console.type("#reconfirmDays", "99");
        console.open("history");

        TableView<PolicyVersionSummaryDto> versions = versionsTable(robot);
        assertThat(versions.getItems()).extracting(PolicyVersionSummaryDto::version, PolicyVersionSummaryDto::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "bob@contoso.example"),
                        org.assertj.core.groups.Tuple.tuple(1, "alice@contoso.example"),
                        org.assertj.core.groups.Tuple.tuple(0, "system"));

        robot.clickOn(row(robot, 1));
        console.waitIdle();
        assertThat(console.text("#diffTitle")).isEqualTo("Changes from version 1 to version 2: 2 settings");
        assertThat(diffRows(robot)).contains(new FieldChangeDto("registration.reconfirmDays", "30", "60"));
        assertThat(columnTexts(robot)).contains("Version 1", "Version 2 (in force)");

        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT); // versions 1 and 0 by keyboard
        console.waitIdle();
        assertThat(console.text("#diffTitle")).startsWith("Changes from version 0 to version 1:");
        assertThat(robot.lookup("#rollbackButton").query().isDisabled()).as("two versions selected").isTrue();
        assertThat(AccessibleTextAudit.unnamedControls(console.find(PolicyHistoryView.class))).isEmpty();
        console.snapshots("history");

        robot.clickOn(row(robot, 1));
        console.waitIdle();
        console.click("#rollbackButton");
        assertThat(robot.lookup("Drop your unsaved changes and roll back to version 1?").tryQuery()).isPresent();
        robot.clickOn("Cancel");
        console.waitIdle();
        assertThat(server.server().policies().current().version()).isEqualTo(2);

        console.click("#rollbackButton");
        robot.clickOn("Drop changes and roll back");
        console.waitIdle();

        PolicyDocumentDto current = server.server().policies().current();
        assertThat(current.version()).isEqualTo(3);
        assertThat(current.rolledBackFrom()).isEqualTo(1);
        assertThat(current.policy()).isEqualTo(first);
        assertThat(console.text("#historyStatus")).isEqualTo("Rolled back: version 3 restores the settings of version 1.");
        assertThat(versionsTable(robot).getItems().getFirst().version()).isEqualTo(3);

        console.open("registration");
        assertThat(console.text("#reconfirmDays")).isEqualTo("30");
        assertThat(console.find(RegistrationPane.class).model().isDirty()).isFalse();
    }

    @Test
    void aReportsReaderSeesHistoryAndDiffsButCantRollBack(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("history");

        assertThat(versionsTable(robot).getItems()).hasSize(3);
        assertThat(robot.lookup("#rollbackButton").tryQuery()).isEmpty();
        assertThat(console.text("#historyReadOnly")).contains("Reports Reader").contains("can see the history but not roll back");
        robot.clickOn(row(robot, 2));
        console.waitIdle();
        assertThat(console.text("#diffTitle")).startsWith("Changes from version 0 to version 2:");
        assertThat(AccessibleTextAudit.unnamedControls(console.find(PolicyHistoryView.class))).isEmpty();
        assertThat(server.server().policies().current().version()).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static TableView<PolicyVersionSummaryDto> versionsTable(FxRobot robot) {
        return robot.lookup("#policyVersions").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static List<FieldChangeDto> diffRows(FxRobot robot) {
        return List.copyOf(robot.lookup("#policyDiff").queryAs(TableView.class).getItems());
    }

    private static List<String> columnTexts(FxRobot robot) {
        return robot.lookup("#policyDiff").queryAs(TableView.class).getColumns().stream()
                .map(c -> ((javafx.scene.control.TableColumn<?, ?>) c).getText()).toList();
    }

    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#policyVersions .table-row-cell").nth(index).query();
    }
}
