package org.opensspr.console.insights;

import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.BlockedInsightsDto;
import org.opensspr.api.BlockedUserDto;
import org.opensspr.api.DailyActivityDto;
import org.opensspr.api.DurationBucketDto;
import org.opensspr.api.InsightsDto;
import org.opensspr.api.MethodOutcomeDto;
import org.opensspr.api.MethodUsersDto;
import org.opensspr.api.ReasonCountDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.api.TimeToResetDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.methods.AuthMethod;
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.Themes;
import org.opensspr.ui.theme.ThemeMode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's cards and charts drawn from a report as the API sends it (no server: what is drawn from which figure,
 * and what an empty period says). {@code InsightsViewTest} drives the whole view against the real server.
 */
@ExtendWith(ApplicationExtension.class)
class InsightsReportTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 7);
    @TempDir
    static Path settings;
    private ConsoleContext context;
    private SummaryCards cards;
    private InsightsCharts charts;
    private VBox report;

    @Start
    void start(Stage stage) {
        context = new ConsoleContext(ConsoleContext.messages(Locale.ENGLISH), new Background(),
                new UiSettings(settings.resolve("console.properties")));
        InsightsFormat format = new InsightsFormat(context.messages());
        cards = new SummaryCards(context, format);
        charts = new InsightsCharts(context, format, new BlockedUsers(context, format, ZoneId.of("Europe/Madrid")));
        report = new VBox(16, cards, charts);
        report.getStyleClass().add("insights-view");
        report.getStylesheets().add(InsightsView.class.getResource("insights.css").toExternalForm());
        Themes.apply(ThemeMode.LIGHT);
        ScrollPane scroll = new ScrollPane(report);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 900, 700));
        stage.show();
    }

    @Test
    void theCardsAndChartsShowTheReportsFigures(FxRobot robot) {
        robot.interact(() -> {
            cards.show(busyMonth());
            charts.show(busyMonth());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cards.value("resets")).isEqualTo("40");
        assertThat(cards.detail("resets")).isEqualTo("10 failed at the last step");
        assertThat(cards.value("unlocks")).isEqualTo("20");
        assertThat(cards.value("successRate")).isEqualTo("80%");
        assertThat(cards.detail("successRate")).isEqualTo("of 75 resets and unlocks that reached the last step");
        assertThat(cards.value("capable")).isEqualTo("120");
        assertThat(cards.detail("capable")).isEqualTo("of 150 users in scope (80%), as registered now");
        assertThat(cards.value("blockedNow")).isEqualTo("2");
        assertThat(cards.value("medianTime")).isEqualTo("≤ 2 min");
        assertThat(cards.detail("medianTime")).isEqualTo("9 in 10 took ≤ 10 min");

        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> activity = (StackedBarChart<String, Number>) charts.activity().content();
        assertThat(activity.getData()).extracting(XYChart.Series::getName).containsExactly("Resets succeeded",
                "Resets failed", "Unlocks succeeded", "Unlocks failed");
        assertThat(activity.getData().getFirst().getData()).hasSize(30).first()
                .satisfies(d -> assertThat(d.getXValue()).isEqualTo("Nov 7"));
        assertThat(sum(activity.getData().getFirst())).isEqualTo(40);
        assertThat(sum(activity.getData().get(3))).isEqualTo(5);
        assertThat(charts.timeToReset().emptyText()).isEmpty();
        assertThat(robot.lookup("#insightsFailuresTable").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(robot.lookup("#insightsBlockedTable").queryAs(TableView.class).getItems()).hasSize(2);
        snapshot("insights-report");
    }

    @Test
    void aQuietPeriodSaysSoInWordsInsteadOfEmptyAxes(FxRobot robot) {
        InsightsDto quiet = new InsightsDto(FIRST, FIRST.plusDays(6), "Europe/Madrid",
                new RegistrationInsightsDto(0, 0, 0, List.of()),
                days(7, 0), List.of(new MethodOutcomeDto(AuthMethod.EMAIL, 0, 0)), List.of(),
                new BlockedInsightsDto(0, 0, List.of()), new TimeToResetDto(0, null, null, List.of()));
        robot.interact(() -> {
            cards.show(quiet);
            charts.show(quiet);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(charts.activity().emptyText()).isEqualTo("No resets or unlocks in this period.");
        assertThat(charts.registration().emptyText()).isEqualTo("No users are in scope of self-service reset.");
        assertThat(charts.gates().emptyText()).isEqualTo("No verifications in this period.");
        assertThat(charts.timeToReset().emptyText()).isEqualTo("No resets or unlocks completed in this period.");
        assertThat(robot.lookup("#insightsFailuresEmpty").queryLabeled().getText()).isEqualTo("No failures in this period.");
        assertThat(robot.lookup("#insightsBlockedEmpty").queryLabeled().getText())
                .isEqualTo("Nobody is blocked from self-service reset now.");
        assertThat(cards.value("successRate")).isEqualTo("—");
        assertThat(cards.value("medianTime")).isEqualTo("—");
        assertThat(charts.activity().content()).isNull();
    }

    @Test
    void aYearIsDrawnAMonthABar(FxRobot robot) {
        LocalDate first = LocalDate.of(2025, 12, 7);
        List<DailyActivityDto> year = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            year.add(new DailyActivityDto(first.plusDays(i), 1, 0, 0, 0, 0));
        }
        InsightsDto report = new InsightsDto(first, first.plusDays(364), "UTC", busyMonth().registration(), year,
                List.of(), List.of(), new BlockedInsightsDto(0, 0, List.of()), new TimeToResetDto(0, null, null, List.of()));
        robot.interact(() -> charts.show(report));
        @SuppressWarnings("unchecked")
        StackedBarChart<String, Number> activity = (StackedBarChart<String, Number>) charts.activity().content();
        assertThat(activity.getData().getFirst().getData()).extracting(XYChart.Data::getXValue).hasSize(13)
                .startsWith("Dec 2025", "Jan 2026").endsWith("Dec 2026");
        assertThat(sum(activity.getData().getFirst())).isEqualTo(365);
    }

    /** 30 days: 40 resets (10 failed), 20 unlocks (5 failed), two people blocked. */
    static InsightsDto busyMonth() {
        List<DailyActivityDto> days = days(30, 0);
        days.set(0, new DailyActivityDto(FIRST, 12, 4, 5, 1, 1));
        days.set(9, new DailyActivityDto(FIRST.plusDays(9), 20, 5, 10, 3, 2));
        days.set(29, new DailyActivityDto(FIRST.plusDays(29), 8, 1, 5, 1, 0));
        return new InsightsDto(FIRST, FIRST.plusDays(29), "Europe/Madrid",
                new RegistrationInsightsDto(150, 131, 120, List.of(
                        new MethodUsersDto(AuthMethod.Registration.AUTHENTICATOR_APP, 88),
                        new MethodUsersDto(AuthMethod.Registration.EMAIL, 131),
                        new MethodUsersDto(AuthMethod.Registration.MOBILE_PHONE, 64),
                        new MethodUsersDto(AuthMethod.Registration.OFFICE_PHONE, 9),
                        new MethodUsersDto(AuthMethod.Registration.SECURITY_QUESTIONS, 47))),
                days, List.of(new MethodOutcomeDto(AuthMethod.MOBILE_APP_NOTIFICATION, 30, 2),
                        new MethodOutcomeDto(AuthMethod.MOBILE_APP_CODE, 12, 1),
                        new MethodOutcomeDto(AuthMethod.EMAIL, 41, 6),
                        new MethodOutcomeDto(AuthMethod.MOBILE_PHONE, 9, 4),
                        new MethodOutcomeDto(AuthMethod.OFFICE_PHONE, 0, 0),
                        new MethodOutcomeDto(AuthMethod.SECURITY_QUESTIONS, 15, 9)),
                List.of(new ReasonCountDto("The new password is on the banned list", 9),
                        new ReasonCountDto("The directory refused the new password", 3)),
                new BlockedInsightsDto(3, 2, List.of(
                        new BlockedUserDto("megan.bowen@contoso.example", Instant.parse("2026-12-06T15:20:00Z")),
                        new BlockedUserDto("alex.wilber@contoso.example", Instant.parse("2026-12-07T09:05:00Z")))),
                new TimeToResetDto(60, 120L, 600L, List.of(new DurationBucketDto(30L, 4),
                        new DurationBucketDto(60L, 11), new DurationBucketDto(120L, 20), new DurationBucketDto(300L, 15),
                        new DurationBucketDto(600L, 5), new DurationBucketDto(null, 5))));
    }

    private static List<DailyActivityDto> days(int count, long each) {
        List<DailyActivityDto> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(new DailyActivityDto(FIRST.plusDays(i), each, 0, 0, 0, 0));
        }
        return days;
    }

    private static long sum(XYChart.Series<String, Number> series) {
        return series.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum();
    }

    private void snapshot(String name) {
        String dir = System.getProperty("console.snapshots");
        if (dir != null && !dir.isBlank()) {
            org.opensspr.console.support.Snapshots.write(report, Path.of(dir, name + ".png"));
        }
    }
}
