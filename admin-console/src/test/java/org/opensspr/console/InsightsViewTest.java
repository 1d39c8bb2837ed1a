package org.opensspr.console;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.InsightsDto;
import org.opensspr.api.ReasonCountDto;
import org.opensspr.console.insights.InsightsView;
import org.opensspr.console.insights.RangePreset;
import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.opensspr.ui.settings.UiSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage & insights against the real server: what a Reports Reader reads, and who can't read it and why. */
@SharedServer(seedDemo = true)
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsightsViewTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    /**
     * Self-service activity as the reset flows write it to the audit log, which the server's sealer counts into the
     * insights' rollups: 3 resets and 2 unlocks that worked, a reset the directory refused, a block, and gates.
     */
    private void someoneResetsAndUnlocks() {
        var log = server.server().auditLog();
        for (String user : new String[] {"lidia.holloway", "diego.siciliani", "joni.sherman"}) {
            String upn = user + "@contoso.example";
            log.record(AuditEntry.success(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, upn, upn).withMethod(AuthMethod.EMAIL));
            log.record(AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, upn, upn)
                    .withElapsed(Duration.ofSeconds(95)));
        }
        String grady = "grady.archie@contoso.example";
        log.record(AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, grady, grady, "WRONG_ANSWER")
                .withMethod(AuthMethod.SECURITY_QUESTIONS));
        log.record(AuditEntry.success(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, grady, grady)
                .withMethod(AuthMethod.SECURITY_QUESTIONS));
        log.record(AuditEntry.failure(AuditActivity.RESET_PASSWORD_SELF_SERVICE, grady, grady,
                "The directory refused the new password"));
        for (String user : new String[] {"adele.vance", "pradeep.gupta"}) {
            String upn = user + "@contoso.example";
            log.record(AuditEntry.success(AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE, upn, upn)
                    .withElapsed(Duration.ofSeconds(40)));
        }
        String megan = "megan.bowen@contoso.example";
        log.record(AuditEntry.failure(AuditActivity.BLOCKED_FROM_SSPR, megan, megan, "Too many attempts"));
        server.server().auditChain().seal(); // what the sealer does every 2 s, now
    }

    @Test
    @Order(1) // first: nothing has been counted yet on this class's own server
    void aReportsReaderReadsThePeriodsResetsAndUnlocksInTheCardsAndCharts(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("insights");
        InsightsView view = console.find(InsightsView.class);
        assertThat(console.text("#insightsStatus")).isEmpty();
        assertThat(console.text("#insightsRangeShown")).endsWith("(30 days), days as they fall in "
                + java.time.ZoneId.systemDefault().getId() + ".");
        assertThat(console.text("#insightsActivityEmpty")).isEqualTo("No resets or unlocks in this period.");
        assertThat(console.text("#insightsTimeToResetEmpty")).isEqualTo("No resets or unlocks completed in this period.");
        assertThat(console.text("#insightsCard-successRate-value")).isEqualTo("—");
        InsightsDto before = view.model().reportProperty().get();
        assertThat(before.registration().usersInScope()).as("the demo's pilot group").isPositive();

        someoneResetsAndUnlocks();
        console.click("#insightsRefresh");
        assertThat(console.text("#insightsCard-resets-value")).isEqualTo("3");
        assertThat(console.text("#insightsCard-resets-detail")).isEqualTo("1 failed at the last step");
        assertThat(console.text("#insightsCard-unlocks-value")).isEqualTo("2");
        assertThat(console.text("#insightsCard-successRate-value")).isEqualTo("83.3%");
        assertThat(console.text("#insightsCard-blockedNow-detail")).isEqualTo("1 block in this period");
        assertThat(console.text("#insightsCard-medianTime-value")).isEqualTo("≤ 2 min");
        assertThat(console.text("#insightsCard-capable-detail")).startsWith("of "
                + before.registration().usersInScope() + " users in scope (");
        assertThat(console.text("#insightsSavingsValue")).isEqualTo("—");
        assertThat(console.text("#insightsSavingsDetail")).startsWith("5 password calls the helpdesk didn't have to take.");

        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> activity = robot.lookup("#insightsActivity .chart").queryAs(StackedBarChart.class);
        assertThat(activity.getData()).extracting(s -> total(s)).containsExactly(3L, 1L, 2L, 0L);
        @SuppressWarnings("unchecked")
        BarChart<Number, String> gates = robot.lookup("#insightsGates .chart").queryAs(BarChart.class);
        assertThat(value(gates.getData().get(0), "Email")).isEqualTo(3);
        assertThat(value(gates.getData().get(1), "Email")).isZero();
        assertThat(value(gates.getData().get(0), "Security questions")).isEqualTo(1);
        assertThat(value(gates.getData().get(1), "Security questions")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        TableView<ReasonCountDto> failures = robot.lookup("#insightsFailuresTable").queryAs(TableView.class);
        assertThat(failures.getItems()).contains(new ReasonCountDto("The directory refused the new password", 1),
                new ReasonCountDto("WRONG_ANSWER", 1));
        @SuppressWarnings("unchecked")
        BarChart<Number, String> took = robot.lookup("#insightsTimeToReset .chart").queryAs(BarChart.class);
        assertThat(took.getData().getFirst().getData()).extracting(d -> d.getYValue() + "=" + d.getXValue())
                .contains("≤ 1 min=2", "≤ 2 min=3");
        assertThat(AccessibleTextAudit.unnamedControls(view)).isEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<Currency> currency = robot.lookup("#insightsCurrency").queryAs(ComboBox.class);
        robot.interact(() -> currency.setValue(Currency.getInstance("USD"))); // whatever the machine's own
        console.type("#insightsCost", "14"); // an administrator's estimate, for the picture
        console.click("#insightsCostApply");
        assertThat(console.text("#insightsSavingsValue")).isEqualTo("$70.00");
        javafx.scene.control.ScrollPane scroll = robot.lookup("#insightsScroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(0)); // the cards, as the view opens
        console.snapshots("usage-insights");
        console.reveal(robot.lookup("#insightsActivity").query()); // the charts, below the cards
        console.snapshots("usage-insights-charts");
        console.reveal(robot.lookup("#insightsTimeToReset").query());
        console.snapshots("usage-insights-more");
    }

    @Test
    @Order(2)
    void theHelpdeskCostIsCheckedPricesTheCallsAvoidedAndIsRememberedForTheNextRun(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("insights");
        InsightsView view = console.find(InsightsView.class);
        long avoided = view.model().reportProperty().get().days().stream()
                .mapToLong(d -> d.resetsSucceeded() + d.unlocksSucceeded()).sum();

        console.type("#insightsCost", "twelve");
        console.click("#insightsCostApply");
        assertThat(console.text("#insightsCostProblem"))
                .isEqualTo("That isn't an amount: write it as 12.50, without thousands separators.");
        console.type("#insightsCost", "-3");
        robot.type(javafx.scene.input.KeyCode.ENTER); // Enter in the field uses it, as the button does
        assertThat(console.text("#insightsCostProblem")).isEqualTo("A cost is never below zero.");
        assertThat(console.text("#insightsSavingsValue")).isEqualTo("—");

        @SuppressWarnings("unchecked")
        ComboBox<Currency> currency = robot.lookup("#insightsCurrency").queryAs(ComboBox.class);
        robot.interact(() -> currency.setValue(Currency.getInstance("EUR")));
        console.type("#insightsCost", "12.5");
        console.click("#insightsCostApply");
        assertThat(console.text("#insightsCostProblem")).isEmpty();
        assertThat(console.text("#insightsCost")).isEqualTo("12.50");
        assertThat(console.text("#insightsSavingsValue")).isEqualTo(String.format(java.util.Locale.ENGLISH, "€%,.2f",
                avoided * 12.5));
        assertThat(console.text("#insightsSavingsDetail")).endsWith(" × €12.50 a call.");

        UiSettings remembered = new UiSettings(console.settingsFile());
        assertThat(remembered.get("insights.helpdeskCost.perCall")).contains("12.5");
        assertThat(remembered.get("insights.helpdeskCost.currency")).contains("EUR");
        console.signOut();
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("insights");
        assertThat(console.text("#insightsCost")).isEqualTo("12.50");
        assertThat(robot.lookup("#insightsCurrency").queryAs(ComboBox.class).getValue()).isEqualTo(Currency.getInstance("EUR"));
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

        // What only the server knows it refuses, it says in words; no figures of another period stay beside it.
        setDays(robot, LocalDate.of(1999, 12, 30), LocalDate.of(1999, 12, 31));
        console.click("#insightsShow");
        assertThat(console.text("#insightsStatus")).startsWith("The report couldn't be read: ").contains("'from'");
        assertThat(robot.lookup(".insights-report").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
        choose(robot, RangePreset.LAST_7_DAYS);
        console.waitIdle();
        assertThat(console.text("#insightsStatus")).isEmpty();
        assertThat(console.text("#insightsRangeShown")).contains("(7 days)");
        assertThat(robot.lookup(".insights-report").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
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

    private static long total(XYChart.Series<String, Number> series) {
        return series.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum();
    }

    private static long value(XYChart.Series<Number, String> series, String category) {
        return series.getData().stream().filter(d -> d.getYValue().equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError(category + " not charted")).getXValue().longValue();
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
