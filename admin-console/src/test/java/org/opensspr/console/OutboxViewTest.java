package org.opensspr.console;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.Json;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.outbox.OutboxView;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.api.TestPeople;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** The Outbox view: a Global Administrator reads what a real action sent, as its recipient would; others see why not. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class OutboxViewTest {
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void theNoticeOfAHelpdeskResetShowsFirstAsTheUserReadsIt(FxRobot robot) throws Exception {
        String user = TestPeople.cloudUser(server, "tove.berg@contoso.example", PASSWORD, false).id();
        try (OpenSsprClient helpdesk = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            helpdesk.helpdesk().resetPassword(user, new AdminPasswordResetRequest(null, true));
        }
        // What the server queued, read the way end-to-end tests read it (test mode only).
        JsonNode sent = Json.newMapper().readTree(server.get("/api/v1/test/outbox?limit=1", null).body()).get(0);
        assertThat(sent.path("recipient").asText()).isEqualTo("tove.berg@contoso.example");

        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("outbox");
        OutboxView view = console.find(OutboxView.class);
        TableView<OutboxMessageDto> table = view.table();
        assertThat(table.getItems()).isNotEmpty();
        assertThat(table.getItems().getFirst().id()).as("newest first").isEqualTo(sent.path("id").asLong());
        assertThat(console.text("#outboxStatus")).isEqualTo(table.getItems().size() == 1 ? "1 message"
                : table.getItems().size() + " messages");

        robot.interact(() -> table.getSelectionModel().select(0));
        console.waitIdle();
        assertThat(console.text("#outboxSubject")).isEqualTo(sent.path("subject").asText()).isNotBlank();
        assertThat(console.text("#outboxTo")).isEqualTo("tove.berg@contoso.example");
        assertThat(console.text("#outboxChannel")).isEqualTo("Mail");
        assertThat(console.text("#outboxBody")).isEqualTo(sent.path("body").asText()).isNotBlank();
        assertThat(AccessibleTextAudit.unnamedControls(view)).isEmpty();
        console.snapshots("outbox-message");
    }

    @Test
    void refreshShowsWhatArrivedSince(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("outbox");
        TableView<OutboxMessageDto> table = console.find(OutboxView.class).table();
        int before = table.getItems().size();
        String user = TestPeople.cloudUser(server, "ines.vidal@contoso.example", PASSWORD, false).id();
        try (OpenSsprClient helpdesk = TestAdmins.client(server, Role.PASSWORD_ADMINISTRATOR)) {
            helpdesk.helpdesk().resetPassword(user, new AdminPasswordResetRequest(null, true));
        }
        console.click("#outboxRefresh");
        assertThat(table.getItems()).hasSizeGreaterThan(before);
        assertThat(table.getItems().getFirst().recipient()).isEqualTo("ines.vidal@contoso.example");
    }

    @Test
    void aRoleOtherThanGlobalAdministratorSeesWhyAndNoMessages(FxRobot robot) {
        console.signInAs(Role.USER_ADMINISTRATOR);
        console.open("outbox");
        assertThat(console.text("#outboxNotAllowed")).isEqualTo("Your role (User Administrator) can't read the outbox:"
                + " its messages hold one-time codes and Temporary Access Pass notices. Only a Global Administrator can.");
        assertThat(robot.lookup("#outboxRefresh").queryButton().isDisabled()).isTrue();
        assertThat(console.find(OutboxView.class).table().getItems()).isNullOrEmpty();
        assertThat(console.text("#outboxPlaceholder")).isEqualTo("Only Global Administrators read the outbox.");
        console.snapshots("outbox-role-disabled");
    }
}
