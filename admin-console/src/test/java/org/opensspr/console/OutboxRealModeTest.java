package org.opensspr.console;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.console.outbox.OutboxView;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.SmtpSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** A server that sends through SMTP has no outbox to show, and the console says so instead of an empty list. */
@ExtendWith(ApplicationExtension.class)
class OutboxRealModeTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @BeforeAll
    static void startServer() {
        // Nothing listens there: the server only has to know it sends through a relay.
        server = InProcessServer.start(TestDatabases.H2, SmtpSettings.of("127.0.0.1", 9, SmtpSettings.Security.NONE,
                null, null, new MailFrom("sspr@contoso.example", "Contoso password reset")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void theOutboxViewSaysItIsNotShown() {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("outbox");
        assertThat(console.text("#outboxPlaceholder")).isEqualTo(console.context().text("outbox.notEmbedded"))
                .contains("through SMTP");
        assertThat(console.find(OutboxView.class).table().getItems()).isNullOrEmpty();
        console.snapshots("outbox-real-mode");
    }
}
