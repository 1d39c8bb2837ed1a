package org.opensspr.console;

import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.console.support.OutageProxy;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.testing.SharedServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** Unsaved changes survive a server outage: the save fails visibly, the edits stay, Retry stores them. */
@SharedServer
@ExtendWith(ApplicationExtension.class)
class OutageTest {
    private static InProcessServer server;
    private static OutageProxy proxy;
    private ConsoleDriver console;

    @BeforeAll
    static void startProxy() {
        proxy = new OutageProxy(server.url());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server, proxy.url());
        console.start(stage);
    }

    @Test
    void editsSurviveAnOutageAndRetryStoresThem(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("registration");
        int before = server.server().policies().current().version();
        console.type("#reconfirmDays", "120");

        proxy.down();
        console.save();
        assertThat(console.text("#saveStatus")).contains("Can't reach the server").contains("Retry");
        assertThat(robot.lookup("#retryButton").queryAs(Button.class).isVisible()).isTrue();
        assertThat(console.text("#reconfirmDays")).isEqualTo("120");
        assertThat(server.server().policies().current().version()).isEqualTo(before);

        proxy.up();
        console.click("#retryButton");
        console.waitIdle();
        assertThat(console.text("#saveStatus")).contains("Saved as version " + (before + 1));
        assertThat(server.server().policies().current().policy().registration().reconfirmDays()).isEqualTo(120);
        assertThat(robot.lookup("#retryButton").queryAs(Button.class).isVisible()).isFalse();
    }
}
