package org.opensspr.console.onprem;

import com.unboundid.ldap.sdk.LDAPException;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.writeback.SambaDomainController;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;

/** The On-premises pane against a server that writes back to a real Samba AD DC: its status and "Test connection". */
@ExtendWith(ApplicationExtension.class)
class OnPremisesPaneTest {
    private static SambaDomainController dc;
    private static InProcessServer server;
    private static String testUser;
    private ConsoleDriver console;

    @BeforeAll
    static void directory() throws LDAPException {
        dc = SambaDomainController.shared();
        String name = SambaDomainController.uniqueName("pane");
        testUser = name + "@test.local";
        dc.createUser(name, testUser, "Pane#Passw0rd1");
        server = InProcessServer.start(TestDatabases.H2, null, dc.productionSettings());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void anAdministratorSeesTheDirectoryAndTestsTheConnectionWithATestUser(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("onprem");
        console.waitIdle();

        assertThat(console.text("#onpremStatus")).isEqualTo("Active Directory at " + dc.ldapsUrl()
                + ", signing in as " + dc.productionSettings().bindDn() + "; users are looked up under "
                + SambaDomainController.BASE_DN + ".");
        assertThat(lines(robot, "#onpremWritebacks")).containsExactly("No password has been written back yet.");
        assertThat(robot.lookup("#onpremNotConfigured").queryAs(Label.class).isVisible()).isFalse();

        console.type("#onpremTestUser", testUser);
        console.click("#onpremTestButton");
        console.waitIdle();

        List<String> result = lines(robot, "#onpremTestResult");
        assertThat(result.getFirst()).startsWith("The connection works");
        assertThat(result.get(1)).startsWith("✔ " + dc.ldapsUrl() + ": ").contains("TLSv1.");
        assertThat(result.subList(2, result.size())).containsExactly(
                "Test user " + testUser + ": CN=" + testUser.substring(0, testUser.indexOf('@')) + ","
                        + SambaDomainController.USERS_DN,
                "Reset password: can't be read without a change; the first reset shows it",
                "Write lockoutTime (unlock): granted",
                "Write pwdLastSet (must change at next sign-in): granted");
        console.snapshots("onprem-test-connection");
    }

    @Test
    void aUserThatIsNotThereIsSaidToBeMissingAndTheKeyboardRunsTheTest(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("onprem");
        console.waitIdle();

        console.type("#onpremTestUser", "nobody-here@test.local");
        robot.interact(() -> robot.lookup("#onpremTestUser").queryAs(javafx.scene.control.TextField.class).fireEvent(
                new javafx.event.ActionEvent()));
        console.waitIdle();

        List<String> result = lines(robot, "#onpremTestResult");
        assertThat(result.getFirst()).startsWith("The connection has problems");
        assertThat(result).contains("Test user nobody-here@test.local: not found under the base DN"
                + " (or more than one entry matches).");
    }

    @Test
    void aReportsReaderSeesTheStatusButMayNotTest(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("onprem");
        console.waitIdle();

        assertThat(console.text("#onpremStatus")).startsWith("Active Directory at ");
        assertThat(robot.lookup("#onpremTestButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup(".pane-subtitle").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Only administrators who may change the policy can test the connection.");
    }

    @Test
    void aPreviewListsWhatASyncWouldBringAndChangesNothingThenASyncBringsIt(FxRobot robot) throws TimeoutException {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("onprem");
        console.waitIdle();
        int usersBefore = usersOnTheServer();

        console.click("#onpremSyncPreview");
        awaitSync(robot, "Preview of a full sync finished");

        assertThat(console.text("#onpremSyncRun")).contains("Nothing was changed.");
        assertThat(lines(robot, "#onpremSyncChanges")).isNotEmpty().allSatisfy(line -> assertThat(line).isNotBlank());
        assertThat(usersOnTheServer()).as("a preview writes nothing").isEqualTo(usersBefore);
        console.snapshots("onprem-sync-preview");

        console.click("#onpremSyncDelta");
        awaitSync(robot, "Full sync finished");

        assertThat(console.text("#onpremSyncRun")).as("a first delta has no cursor and says it ran in full")
                .contains("(started by ");
        assertThat(server.server().database().dsl().fetchCount(DIRECTORY_USER,
                DIRECTORY_USER.UPN.eq(testUser))).isEqualTo(1);
    }

    @Test
    void aReportsReaderIsToldWhyTheSyncIsNotShown(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("onprem");
        console.waitIdle();

        assertThat(robot.lookup("#onpremSyncPreview").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup(".pane-subtitle").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Your role doesn't read the directory, so the sync's state isn't shown here.");
    }

    private void awaitSync(FxRobot robot, String finished) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> console.text("#onpremSyncRun").startsWith(finished)
                && !robot.lookup("#onpremSyncChanges").queryAs(VBox.class).getChildrenUnmodifiable().isEmpty());
        console.waitIdle();
    }

    private static int usersOnTheServer() {
        return server.server().database().dsl().fetchCount(DIRECTORY_USER);
    }

    private static List<String> lines(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(VBox.class).getChildrenUnmodifiable().stream()
                .map(node -> ((Label) node).getText()).toList();
    }
}
