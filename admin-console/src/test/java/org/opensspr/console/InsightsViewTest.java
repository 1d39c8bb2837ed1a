package org.opensspr.console;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.console.insights.InsightsView;
import org.opensspr.console.insights.RangePreset;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.testing.SharedServer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage & insights against the real server: what a Reports Reader reads, and who can't read it and why. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
class InsightsViewTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void aCustomRangeTheServerCouldNotReportIsRefusedWithTheReasonBeforeAnythingIsAsked(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("insights");
        InsightsView view = console.find(InsightsView.class);
        LocalDate today = view.model().today();
        choose(robot, RangePreset.CUSTOM);
        String shown = console.text("#insightsRangeShown");

        setDays(robot, today, today.minusDays(1));
        console.click("#insightsShow");
        assertThat(console.text("#insightsRangeProblem")).isEqualTo("The first day is after the last day: swap them.");
        setDays(robot, today.minusDays(366), today);
        console.click("#insightsShow");
        assertThat(console.text("#insightsRangeProblem"))
                .isEqualTo("A report covers at most 366 days: choose a shorter period.");
        setDays(robot, null, today);
        console.click("#insightsShow");
        assertThat(console.text("#insightsRangeProblem"))
                .isEqualTo("Choose a first and a last day: one is empty or is not a date.");
        assertThat(console.text("#insightsRangeShown")).as("the range shown is still the last one asked").isEqualTo(shown);

        setDays(robot, today.minusDays(365), today);
        console.click("#insightsShow");
        assertThat(console.text("#insightsRangeProblem")).isEmpty();
        assertThat(console.text("#insightsRangeShown")).contains("(366 days)");
    }

    @Test
    void aRoleThatCantReadUsageReportsSeesWhy(FxRobot robot) {
        console.signInAs(Role.HELPDESK_ADMINISTRATOR);
        console.open("insights");
        assertThat(console.text("#notForYourRoleReason")).isEqualTo("Your role (Helpdesk Administrator) can't read"
                + " usage reports, so Usage & insights isn't available to it. A Reports Reader or a Global Administrator"
                + " can read them.");
        assertThat(robot.lookup("#insightsSummary").tryQuery()).isEmpty();
    }

    private static void choose(FxRobot robot, RangePreset preset) {
        @SuppressWarnings("unchecked")
        ComboBox<RangePreset> box = robot.lookup("#insightsPreset").queryAs(ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(preset));
    }

    /** As typed: the pickers' text fields, which the view reads when "Show" is pressed. */
    private void setDays(FxRobot robot, LocalDate from, LocalDate to) {
        DatePicker first = robot.lookup("#insightsFrom").queryAs(DatePicker.class);
        DatePicker last = robot.lookup("#insightsTo").queryAs(DatePicker.class);
        robot.interact(() -> {
            first.getEditor().setText(from == null ? "" : first.getConverter().toString(from));
            last.getEditor().setText(to == null ? "" : last.getConverter().toString(to));
        });
    }
}
