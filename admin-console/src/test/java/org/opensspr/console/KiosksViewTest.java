package org.opensspr.console;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.kiosks.KiosksView;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kiosks view: a Global Administrator enrolls a kiosk (its code shown once) and revokes it; others see why not. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class KiosksViewTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void aKioskIsEnrolledWithACodeShownOnceAndThenRevoked(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("kiosks");
        KiosksView view = console.find(KiosksView.class);
        assertThat(robot.lookup("#revokeKiosk").queryButton().isDisabled()).as("nothing chosen").isTrue();

        console.click("#enrollKiosk");
        Button create = dialogButton(robot, "#enrollDialog", console.context().text("kiosks.enroll.go"));
        assertThat(create.isDisabled()).as("no name yet").isTrue();
        robot.clickOn("#kioskName").write("Reception, building 2");
        assertThat(create.isDisabled()).isFalse();
        console.snapshots("kiosks-enroll-dialog");
        robot.clickOn(create);
        console.waitIdle();

        String code = console.text("#shownSecret");
        assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}");
        assertThat(robot.lookup("#shownOnceDialog .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).anySatisfy(t -> assertThat(t)
                        .startsWith("For “Reception, building 2”. Type it on the kiosk before"))
                .contains(console.context().text("kiosks.code.once"));
        robot.clickOn("#shownCopy");
        assertThat(console.text("#shownCopied")).isNotBlank();
        console.snapshots("kiosks-code-shown");
        robot.clickOn(dialogButton(robot, "#shownOnceDialog", console.context().text("shown.done")));
        console.waitIdle();
        assertThat(console.text("#kiosksOutcome")).contains("Reception, building 2");
        int row = rowOf(view.table(), "Reception, building 2");
        assertThat(view.table().getItems().get(row).status()).isEqualTo(KioskDto.Status.AWAITING_ENROLLMENT);

        // The code is real, and works once: the kiosk machine exchanges it for its credential.
        KioskCredentialDto credential;
        try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            credential = kiosk.enrollKiosk(new KioskEnrollRequest(code, "FRONT-DESK-07"));
            assertThatThrownBy(() -> kiosk.enrollKiosk(new KioskEnrollRequest(code, "ELSEWHERE")))
                    .isInstanceOfSatisfying(OpenSsprApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        }

        robot.interact(() -> view.table().getSelectionModel().select(row));
        console.click("#revokeKiosk");
        robot.clickOn(dialogButton(robot, "#confirmDialog", console.context().text("kiosks.confirm.go")));
        console.waitIdle();
        assertThat(console.text("#kiosksOutcome")).isEqualTo("Kiosk “Reception, building 2” revoked.");
        KioskDto listed = view.table().getItems().get(rowOf(view.table(), "Reception, building 2"));
        assertThat(listed.status()).isEqualTo(KioskDto.Status.REVOKED);
        assertThat(listed.deviceName()).isEqualTo("FRONT-DESK-07");
        assertThat(listed.lastSeenAddress()).as("where it enrolled from").isEqualTo("127.0.0.1");
        assertThat(AccessibleTextAudit.unnamedControls(view)).isEmpty();
        console.snapshots("kiosks-list");
        try (OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).bearerToken(credential.credential()).build()) {
            assertThatThrownBy(kiosk::thisKiosk).isInstanceOfSatisfying(OpenSsprApiException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.KIOSK_REVOKED));
        }
    }

    @Test
    void revokingAsksFirstAndCancelLeavesTheKioskAlone(FxRobot robot) {
        String id = server.server().kiosks().createEnrollment("Library, ground floor", "cli").kioskId();
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("kiosks");
        KiosksView view = console.find(KiosksView.class);
        int row = rowOf(view.table(), "Library, ground floor");
        robot.interact(() -> view.table().getSelectionModel().select(row));
        console.click("#revokeKiosk");
        robot.clickOn(dialogButton(robot, "#confirmDialog", console.context().text("dialog.cancel")));
        console.waitIdle();
        assertThat(server.server().kiosks().get(id).status()).isEqualTo(KioskDto.Status.AWAITING_ENROLLMENT);
    }

    @Test
    void aRoleThatCantManageKiosksSeesWhyAndNoActions(FxRobot robot) {
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        console.open("kiosks");
        assertThat(console.text("#kiosksNotAllowed")).isEqualTo("Your role (Helpdesk Administrator) can't manage kiosks,"
                + " so it sees no list and can't enroll or revoke one. A Global Administrator can.");
        assertThat(robot.lookup("#enrollKiosk").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#revokeKiosk").queryButton().isDisabled()).isTrue();
        assertThat(console.find(KiosksView.class).table().getItems()).isEmpty();
        console.snapshots("kiosks-role-disabled");
    }

    private static int rowOf(TableView<KioskDto> table, String name) {
        return IntStream.range(0, table.getItems().size())
                .filter(i -> table.getItems().get(i) != null && table.getItems().get(i).name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not listed"));
    }

    /** A dialog's button by its text: the view behind may have a button of the same name. */
    private static Button dialogButton(FxRobot robot, String dialog, String text) {
        return robot.lookup(dialog + " .button").match((Node n) -> n instanceof Button b && b.getText().equals(text))
                .queryButton();
    }
}
