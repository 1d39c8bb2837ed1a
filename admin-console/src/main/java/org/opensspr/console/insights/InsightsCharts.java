package org.opensspr.console.insights;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.opensspr.api.DurationBucketDto;
import org.opensspr.api.InsightsDto;
import org.opensspr.api.MethodOutcomeDto;
import org.opensspr.api.MethodUsersDto;
import org.opensspr.console.ConsoleContext;

import java.util.List;

/**
 * The report's charts, two to a row: activity over time across the whole width, then registration and gate
 * verifications by method, the time resets took, and the most frequent failures. Charts are built anew for each
 * report: a category axis that is handed new categories keeps stale ones.
 */
final class InsightsCharts extends GridPane {
    private final ConsoleContext context;
    private final InsightsFormat format;
    private final ChartPanel activity;
    private final ChartPanel registration;
    private final ChartPanel gates;
    private final ChartPanel timeToReset;
    private final FailureReasons failures;
    private final BlockedUsers blocked;

    InsightsCharts(ConsoleContext context, InsightsFormat format, BlockedUsers blocked) {
        this.context = context;
        this.format = format;
        this.blocked = blocked;
        setHgap(16);
        setVgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(half, half);
        activity = new ChartPanel("insightsActivity", context.text("insights.chart.activity"));
        registration = new ChartPanel("insightsRegistration", context.text("insights.chart.registration"));
        gates = new ChartPanel("insightsGates", context.text("insights.chart.gates"));
        timeToReset = new ChartPanel("insightsTimeToReset", context.text("insights.chart.timeToReset"));
        failures = new FailureReasons(context, format);
        add(activity, 0, 0, 2, 1);
        add(registration, 0, 1);
        add(gates, 1, 1);
        add(timeToReset, 0, 2);
        add(failures, 1, 2);
        add(blocked, 0, 3, 2, 1);
    }

    void show(InsightsDto report) {
        showActivity(report);
        showRegistration(report);
        showGates(report);
        showTimeToReset(report);
        failures.show(report.failures());
        blocked.show(report.blocked());
    }

    private void showActivity(InsightsDto report) {
        InsightsSummary total = InsightsSummary.of(report);
        if (total.attempted() == 0) {
            activity.showEmpty(context.text("insights.activity.none"));
            return;
        }
        ActivityPeriods.Grain grain = ActivityPeriods.grainFor(report.days().size());
        List<ActivityPeriods.Period> periods = ActivityPeriods.group(report.days(), grain);
        XYChart.Series<String, Number> resetsOk = series("insights.series.resetsSucceeded");
        XYChart.Series<String, Number> resetsFailed = series("insights.series.resetsFailed");
        XYChart.Series<String, Number> unlocksOk = series("insights.series.unlocksSucceeded");
        XYChart.Series<String, Number> unlocksFailed = series("insights.series.unlocksFailed");
        long highest = 0;
        for (ActivityPeriods.Period period : periods) {
            String label = format.period(period.first(), grain);
            InsightsSummary a = period.activity();
            resetsOk.getData().add(new XYChart.Data<>(label, a.resetsSucceeded()));
            resetsFailed.getData().add(new XYChart.Data<>(label, a.resetsFailed()));
            unlocksOk.getData().add(new XYChart.Data<>(label, a.unlocksSucceeded()));
            unlocksFailed.getData().add(new XYChart.Data<>(label, a.unlocksFailed()));
            highest = Math.max(highest, a.attempted());
        }
        CategoryAxis days = categories(context.text("insights.axis." + grain.name()));
        StackedBarChart<String, Number> chart = new StackedBarChart<>(days, CountAxis.upTo(highest,
                context.text("insights.axis.count")));
        chart.getData().addAll(List.of(resetsOk, resetsFailed, unlocksOk, unlocksFailed));
        chart.getStyleClass().add("activity-chart");
        activity.show(styled(chart, 300), context.text("insights.activity.described", format.count(total.callsAvoided()),
                format.count(total.attempted() - total.callsAvoided())));
    }

    private void showRegistration(InsightsDto report) {
        if (report.registration().usersInScope() == 0) {
            registration.showEmpty(context.text("insights.registration.none"));
            return;
        }
        XYChart.Series<Number, String> users = series("insights.series.users");
        for (MethodUsersDto method : report.registration().byMethod().reversed()) { // drawn bottom up: first on top
            users.getData().add(new XYChart.Data<>(method.users(), context.text("registration." + method.method().name())));
        }
        BarChart<Number, String> chart = new BarChart<>(CountAxis.upTo(report.registration().usersInScope(),
                context.text("insights.axis.users")), categories(null));
        chart.getData().add(users);
        chart.setLegendVisible(false);
        registration.show(styled(chart, 280), context.text("insights.chart.registration"));
    }

    private void showGates(InsightsDto report) {
        long highest = report.gates().stream().mapToLong(g -> Math.max(g.succeeded(), g.failed())).max().orElse(0);
        if (highest == 0) {
            gates.showEmpty(context.text("insights.gates.none"));
            return;
        }
        XYChart.Series<Number, String> passed = series("insights.series.passed");
        XYChart.Series<Number, String> failed = series("insights.series.failed");
        for (MethodOutcomeDto gate : report.gates().reversed()) { // drawn bottom up: first on top
            String method = context.text("method." + gate.method().name());
            passed.getData().add(new XYChart.Data<>(gate.succeeded(), method));
            failed.getData().add(new XYChart.Data<>(gate.failed(), method));
        }
        BarChart<Number, String> chart = new BarChart<>(CountAxis.upTo(highest, context.text("insights.axis.count")),
                categories(null));
        chart.getData().addAll(List.of(passed, failed));
        chart.getStyleClass().add("outcome-chart");
        chart.setCategoryGap(8); // two bars a method: thin bars otherwise
        chart.setBarGap(1);
        gates.show(styled(chart, 280), context.text("insights.chart.gates"));
    }

    private void showTimeToReset(InsightsDto report) {
        if (report.timeToReset().completed() == 0) {
            timeToReset.showEmpty(context.text("insights.timeToReset.none"));
            return;
        }
        List<DurationBucketDto> buckets = report.timeToReset().buckets();
        List<String> labels = format.bucketLabels(buckets);
        // Sideways, shortest on top: seven labels such as "≤ 10 min" don't fit under a half-width chart.
        XYChart.Series<Number, String> completed = series("insights.series.completed");
        long highest = 0;
        for (int i = buckets.size() - 1; i >= 0; i--) {
            completed.getData().add(new XYChart.Data<>(buckets.get(i).count(), labels.get(i)));
            highest = Math.max(highest, buckets.get(i).count());
        }
        BarChart<Number, String> chart = new BarChart<>(CountAxis.upTo(highest, context.text("insights.axis.completed")),
                categories(null));
        chart.getData().add(completed);
        chart.setLegendVisible(false);
        timeToReset.show(styled(chart, 280), context.text("insights.chart.timeToReset"));
    }

    private <X, Y> XYChart.Series<X, Y> series(String key) {
        XYChart.Series<X, Y> series = new XYChart.Series<>();
        series.setName(context.text(key));
        return series;
    }

    private static CategoryAxis categories(String label) {
        CategoryAxis axis = new CategoryAxis();
        axis.setLabel(label);
        axis.setAnimated(false);
        return axis;
    }

    /** Not animated: a chart that grows into place is a chart a screenshot or a test catches half drawn. */
    private static <C extends XYChart<?, ?>> C styled(C chart, double height) {
        chart.setAnimated(false);
        chart.setPrefHeight(height);
        chart.setMinHeight(height);
        chart.setVerticalGridLinesVisible(false);
        return chart;
    }

    ChartPanel activity() {
        return activity;
    }

    ChartPanel registration() {
        return registration;
    }

    ChartPanel gates() {
        return gates;
    }

    ChartPanel timeToReset() {
        return timeToReset;
    }
}
