package org.opensspr.console.insights;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.InsightsDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.util.Currency;
import java.util.Locale;

/**
 * Usage & insights: for a range of the administrator's days, how self-service reset is used (resets, unlocks, success
 * rate, time taken), who can use it (registration), where it fails (gates, reasons, blocks), and what it saved the
 * helpdesk at the administrator's own estimate of a call's cost.
 */
public final class InsightsView extends VBox {
    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");
    private final InsightsModel model;
    private final SummaryCards cards;
    private final SavingsCard savings;
    private final InsightsCharts charts;

    public InsightsView(InsightsModel model, ConsoleContext context) {
        this(model, context, HelpdeskCostSetting.systemCurrency(Locale.getDefault()));
    }

    /** {@code systemCurrency}: the currency offered until the administrator chose one. */
    public InsightsView(InsightsModel model, ConsoleContext context, Currency systemCurrency) {
        super(8);
        this.model = model;
        InsightsFormat format = new InsightsFormat(context.messages());
        Label title = new Label(context.text("insights.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = PaneText.note(context.text("insights.subtitle"));
        subtitle.setMinHeight(Region.USE_PREF_SIZE);

        // Words, not just the spinner: what is happening, or why the report couldn't be read.
        Label status = new Label();
        status.setId("insightsStatus");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.when(model.failureProperty().isNotEmpty()).then(model.failureProperty())
                .otherwise(Bindings.when(model.loadingProperty().and(model.reportProperty().isNull()))
                        .then(context.text("insights.loading")).otherwise("")));
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        model.failureProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(FAILED, !now.isEmpty()));

        cards = new SummaryCards(context, format);
        savings = new SavingsCard(context, format, model, systemCurrency);
        charts = new InsightsCharts(context, format, new BlockedUsers(context, format, model.zone()));
        VBox report = new VBox(16, cards, savings, charts);
        report.getStyleClass().add("insights-report");
        report.visibleProperty().bind(model.reportProperty().isNotNull());
        ScrollPane scroll = new ScrollPane(report);
        scroll.setId("insightsScroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        model.reportProperty().addListener((o, was, now) -> show(now));

        getChildren().addAll(title, subtitle, new RangeBar(context, model), status, scroll);
        getStyleClass().addAll("policy-pane", "insights-view");
        getStylesheets().add(InsightsView.class.getResource("insights.css").toExternalForm());
        model.choose(model.presetProperty().get());
    }

    private void show(InsightsDto report) {
        if (report == null) {
            return;
        }
        cards.show(report);
        savings.show(InsightsSummary.of(report));
        charts.show(report);
    }

    public InsightsModel model() {
        return model;
    }

    SummaryCards cards() {
        return cards;
    }

    InsightsCharts charts() {
        return charts;
    }
}
