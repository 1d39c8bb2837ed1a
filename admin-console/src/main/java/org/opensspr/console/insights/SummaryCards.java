package org.opensspr.console.insights;

import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensspr.api.InsightsDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.api.TimeToResetDto;
import org.opensspr.console.ConsoleContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** The row of figures at the top: resets, unlocks, success rate, who can reset, who is blocked, how long it takes. */
final class SummaryCards extends FlowPane {
    static final String[] CARDS = {"resets", "unlocks", "successRate", "capable", "blockedNow", "medianTime"};
    private final ConsoleContext context;
    private final InsightsFormat format;
    private final Map<String, Card> cards = new LinkedHashMap<>();

    SummaryCards(ConsoleContext context, InsightsFormat format) {
        super(12, 12);
        this.context = context;
        this.format = format;
        setId("insightsSummary");
        for (String key : CARDS) {
            Card card = new Card("insightsCard-" + key, context.text("insights.card." + key));
            cards.put(key, card);
            getChildren().add(card);
        }
    }

    void show(InsightsDto report) {
        InsightsSummary total = InsightsSummary.of(report);
        cards.get("resets").set(format.count(total.resetsSucceeded()),
                context.text("insights.card.resets.detail", format.count(total.resetsFailed())));
        cards.get("unlocks").set(format.count(total.unlocksSucceeded()),
                context.text("insights.card.unlocks.detail", format.count(total.unlocksFailed())));
        cards.get("successRate").set(total.successRate().isPresent() ? format.percent(total.successRate().getAsDouble())
                : context.text("insights.card.none"), total.attempted() == 0 ? context.text("insights.activity.none")
                : context.text("insights.card.successRate.detail", total.attempted(),
                format.count(total.attempted())));
        RegistrationInsightsDto registration = report.registration();
        cards.get("capable").set(format.count(registration.capable()), registration.usersInScope() == 0
                ? context.text("insights.registration.none") : context.text("insights.card.capable.detail",
                format.count(registration.usersInScope()),
                format.percent((double) registration.capable() / registration.usersInScope())));
        cards.get("blockedNow").set(format.count(report.blocked().blockedNow()),
                context.text("insights.card.blockedNow.detail",
                report.blocked().blockedInRange(), format.count(report.blocked().blockedInRange())));
        TimeToResetDto took = report.timeToReset();
        // No median with completions means it fell in the open last bucket: "> 30 min", not "none".
        cards.get("medianTime").set(took.completed() == 0 ? context.text("insights.card.none")
                : format.edge(took.medianSeconds(), took.buckets()), took.completed() == 0
                ? context.text("insights.timeToReset.none")
                : context.text("insights.card.medianTime.detail", format.edge(took.p90Seconds(), took.buckets())));
    }

    /** The figure a card shows, e.g. {@code value("resets")}. */
    String value(String card) {
        return cards.get(card).value.getText();
    }

    String detail(String card) {
        return cards.get(card).detail.getText();
    }

    /** A titled figure with a line of context beneath. */
    static final class Card extends VBox {
        final Label value = new Label();
        final Label detail = new Label();

        Card(String id, String title) {
            super(2);
            setId(id);
            getStyleClass().add("insights-card");
            Label heading = new Label(title);
            heading.getStyleClass().add("insights-card-title");
            heading.setWrapText(true);
            value.setId(id + "-value");
            value.getStyleClass().add("insights-card-value");
            detail.setId(id + "-detail");
            detail.getStyleClass().add("muted");
            detail.setWrapText(true);
            setPrefWidth(200);
            setMinHeight(USE_PREF_SIZE);
            getChildren().addAll(heading, value, detail);
        }

        void set(String figure, String context) {
            value.setText(figure);
            detail.setText(context);
        }
    }
}
