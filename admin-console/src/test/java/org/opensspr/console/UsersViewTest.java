package org.opensspr.console;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.PassSignInRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.console.users.UsersView;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestPeople;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Users view: the helpdesk finds a user, resets, unlocks and issues a pass — and sees why it can't, where it can't. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class UsersViewTest {
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    private UsersView openUsers(FxRobot robot, String search) {
        console.open("users");
        UsersView view = console.find(UsersView.class);
        console.type("#usersSearch", search);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        console.waitIdle();
        return view;
    }

    private void choose(FxRobot robot, UsersView view, String upn) {
        TableView<UserSummaryDto> table = view.table();
        int index = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            UserSummaryDto row = table.getItems().get(i);
            if (row != null && row.userPrincipalName().equals(upn)) {
                index = i;
            }
        }
        assertThat(index).as("%s listed", upn).isNotNegative();
        int chosen = index;
        robot.interact(() -> table.getSelectionModel().select(chosen));
        console.waitIdle();
        assertThat(console.text("#userName")).isNotBlank();
    }

    @Test
    void aHelpdeskResetNeedsTheChecklistAndShowsTheGeneratedPasswordOnce(FxRobot robot) {
        TestPeople.cloudUser(server, "quinn.reyes@contoso.example", PASSWORD, false);
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        UsersView view = openUsers(robot, "quinn");
        choose(robot, view, "quinn.reyes@contoso.example");
        assertThat(AccessibleTextAudit.unnamedControls(view)).isEmpty();
        console.snapshots("users-detail");

        console.click("#resetPassword");
        Button reset = dialogButton(robot, "#resetDialog", console.context().text("reset.go"));
        assertThat(reset.isDisabled()).as("nothing ticked yet").isTrue();
        robot.clickOn("#check-identity");
        robot.clickOn("#check-selfServiceTried");
        assertThat(reset.isDisabled()).as("one check left").isTrue();
        robot.clickOn("#check-channel");
        assertThat(reset.isDisabled()).isFalse();
        console.snapshots("users-reset-dialog");
        robot.clickOn(reset);
        console.waitIdle();

        String shown = console.text("#shownSecret");
        assertThat(shown).hasSize(16);
        console.snapshots("users-reset-shown");
        robot.clickOn("#shownCopy");
        assertThat(console.text("#shownCopied")).isNotBlank();
        robot.clickOn(dialogButton(robot, "#shownOnceDialog", console.context().text("shown.done")));
        console.waitIdle();
        assertThat(console.text("#userStatus")).contains("quinn.reyes@contoso.example");
        try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            assertThat(kiosk.signInUser(new UserSignInRequest("quinn.reyes@contoso.example", shown)).outcome())
                    .isEqualTo(UserSignInResultDto.Outcome.MUST_CHANGE_PASSWORD);
        }
    }

    @Test
    void aPassIsIssuedShownOnceAndRevoked(FxRobot robot) {
        TestPeople.cloudUser(server, "rosa.lind@contoso.example", PASSWORD, false);
        console.signInAs(Role.PASSWORD_ADMINISTRATOR);
        UsersView view = openUsers(robot, "rosa");
        choose(robot, view, "rosa.lind@contoso.example");
        assertThat(console.text("#userPass .label")).isEqualTo(console.context().text("user.pass.none"));

        console.click("#issuePass");
        robot.clickOn("#passOneTime");
        console.snapshots("users-pass-dialog");
        robot.clickOn(dialogButton(robot, "#passDialog", console.context().text("pass.go")));
        console.waitIdle();
        String pass = console.text("#shownSecret");
        assertThat(pass).hasSize(8);
        robot.clickOn(dialogButton(robot, "#shownOnceDialog", console.context().text("shown.done")));
        console.waitIdle();
        assertThat(console.text("#userPassState")).startsWith("Usable until").contains("one-time");

        console.click("#revokePass");
        robot.clickOn(dialogButton(robot, "#confirmDialog", console.context().text("confirm.revoke.go")));
        console.waitIdle();
        assertThat(console.text("#userPass .label")).isEqualTo(console.context().text("user.pass.none"));
        try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            assertThat(kiosk.signInUserWithPass(new PassSignInRequest("rosa.lind@contoso.example", pass, null)).outcome())
                    .isEqualTo(UserSignInResultDto.Outcome.WRONG_PASSWORD);
        }
    }

    @Test
    void contactDataIsPrefilledAndARefusedValueStaysTypedWithItsReasonAtTheField(FxRobot robot) {
        TestPeople.cloudUser(server, "sven.holt@contoso.example", PASSWORD, false);
        console.signInAs(Role.USER_ADMINISTRATOR);
        UsersView view = openUsers(robot, "sven");
        choose(robot, view, "sven.holt@contoso.example");

        console.click("#editContact");
        console.type("#contact-mobilePhone", "555 0100");
        console.type("#contact-alternateEmail", "sven@home.example");
        robot.clickOn(robot.lookup("#contactSave").queryButton());
        console.waitIdle();

        assertThat(robot.lookup("#contactDialog").tryQuery()).as("a refusal keeps the dialog open").isPresent();
        assertThat(console.text("#contact-mobilePhone")).isEqualTo("555 0100");
        assertThat(console.text("#contact-mobilePhone-error")).contains("+<country code> <number>");
        assertThat(console.text("#contact-alternateEmail-error")).isEmpty();
        console.snapshots("users-contact-refused");
        assertThat(registrations("sven.holt@contoso.example")).as("nothing saved of a refused change").isEmpty();

        console.type("#contact-mobilePhone", "+1 425 555 0100");
        robot.clickOn(robot.lookup("#contactSave").queryButton());
        console.waitIdle();

        assertThat(robot.lookup("#contactDialog").tryQuery()).isEmpty();
        assertThat(console.text("#userStatus")).isEqualTo("The contact data of sven.holt@contoso.example was saved.");
        assertThat(registrations("sven.holt@contoso.example")).containsExactlyInAnyOrder("EMAIL", "MOBILE_PHONE");
        try (OpenSsprClient admin = org.opensspr.server.api.TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            var sven = admin.userByUpn("sven.holt@contoso.example");
            assertThat(sven.mobilePhone()).isEqualTo("+1 425 555 0100");
            assertThat(sven.alternateEmail()).isEqualTo("sven@home.example");
        }
    }

    private static java.util.List<String> registrations(String upn) {
        try (OpenSsprClient admin = org.opensspr.server.api.TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            return admin.userByUpn(upn).registrations().stream().map(r -> r.kind().name()).toList();
        }
    }

    @Test
    void actionsARoleCantTakeAreGreyedOutWithTheReason(FxRobot robot) {
        var self = console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        UsersView view = openUsers(robot, "miriam");
        choose(robot, view, "miriam.graham@contoso.example"); // a User Administrator: beyond a Helpdesk administrator
        assertThat(robot.lookup("#resetPassword").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#resetPassword").queryButton().getAccessibleHelp())
                .contains("administrator role that your role can't act on");
        assertThat(robot.lookup("#requireReregistration").queryButton().getAccessibleHelp())
                .as("no permission at all").contains("A User Administrator or Global Administrator can");
        assertThat(robot.lookup("#userActionNotes .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).as("the reasons are on screen too").containsExactlyInAnyOrder(
                        "Reset password, Unlock, Issue Temporary Access Pass: not for this account, which holds an"
                                + " administrator role your role can't act on.",
                        "Require re-registration, Delete, Edit contact data: not allowed for your role; a User"
                                + " Administrator or Global Administrator can.");
        console.snapshots("users-role-disabled");

        console.type("#usersSearch", self.userPrincipalName());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        console.waitIdle();
        choose(robot, view, self.userPrincipalName());
        assertThat(robot.lookup("#unlock").queryButton().getAccessibleHelp()).contains("self-service");
    }

    @Test
    void aSearchWithoutMatchesSaysSoAndNoLongerLoading(FxRobot robot) {
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        UsersView view = openUsers(robot, "nobody-by-this-name");

        assertThat(console.text("#usersStatus")).isEqualTo("No user matches “nobody-by-this-name”.");
        assertThat(((javafx.scene.control.Label) view.table().getPlaceholder()).getText()).isEmpty();
    }

    @Test
    void theTableScrollsThroughTheWholeDirectoryLoadingPagesAsTheyShow(FxRobot robot) {
        for (int i = 0; i < 260; i++) {
            TestPeople.cloudUser(server, String.format("bulk%03d@contoso.example", i), PASSWORD, false);
        }
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        UsersView view = openUsers(robot, "bulk");
        TableView<UserSummaryDto> table = view.table();
        assertThat(table.getItems()).hasSize(260);
        assertThat(console.text("#usersStatus")).isEqualTo("260 users");
        robot.interact(() -> table.scrollTo(259));
        awaitLoaded(table, 259);
        assertThat(table.getItems().get(259).displayName()).isEqualTo("Ann Example");

        // What a header click does (the headless robot's click doesn't count as "still since press" for a header).
        var byUpn = table.getColumns().get(1);
        robot.interact(() -> {
            byUpn.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(java.util.List.of(byUpn));
        });
        console.waitIdle();
        robot.interact(() -> table.scrollTo(0));
        awaitLoaded(table, 0);
        assertThat(table.getItems().get(0).userPrincipalName()).isEqualTo("bulk000@contoso.example");
        robot.interact(() -> byUpn.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        console.waitIdle();
        awaitLoaded(table, 0);
        assertThat(table.getItems().get(0).userPrincipalName()).isEqualTo("bulk259@contoso.example");
    }

    /** A dialog's button by its text: the view behind may have a button of the same name. */
    private static Button dialogButton(FxRobot robot, String dialog, String text) {
        return robot.lookup(dialog + " .button").match((Node n) -> n instanceof Button b && b.getText().equals(text))
                .queryButton();
    }

    private void awaitLoaded(TableView<UserSummaryDto> table, int index) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                UserSummaryDto[] row = new UserSummaryDto[1];
                WaitForAsyncUtils.asyncFx(() -> row[0] = table.getItems().get(index)).get();
                return row[0] != null;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("row " + index + " never loaded", e);
        }
        console.waitIdle();
    }
}
