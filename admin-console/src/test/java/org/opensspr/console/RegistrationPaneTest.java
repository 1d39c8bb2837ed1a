package org.opensspr.console;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.server.testing.SharedServer;

import static org.assertj.core.api.Assertions.assertThat;

@SharedServer
@ExtendWith(ApplicationExtension.class)
class RegistrationPaneTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void reconfirmDaysOutOfRangeShowsTheValidatorsReasonAndSavesOnlyWhenFixed(FxRobot robot) {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("registration");
        int before = server.server().policies().current().version();

        console.type("#reconfirmDays", "800");
        console.save();
        assertThat(console.visibleErrors()).anyMatch(e -> e.contains("730"));
        assertThat(server.server().policies().current().version()).isEqualTo(before);

        console.type("#reconfirmDays", "45");
        console.save();
        assertThat(console.visibleErrors()).isEmpty();
        assertThat(server.server().policies().current().policy().registration().reconfirmDays()).isEqualTo(45);
        assertThat(console.text("#saveStatus")).contains("Saved as version " + (before + 1));
    }
}
