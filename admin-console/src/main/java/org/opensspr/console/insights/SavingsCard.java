package org.opensspr.console.insights;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;

import java.util.Currency;
import java.util.Locale;

/**
 * What self-service saved the helpdesk: each reset or unlock that worked is a password call nobody had to take,
 * priced at the administrator's own estimate of a call, which they edit here and the console remembers.
 */
final class SavingsCard extends VBox {
    private static final javafx.css.PseudoClass ESTIMATED = javafx.css.PseudoClass.getPseudoClass("estimated");
    private final ConsoleContext context;
    private final InsightsFormat format;
    private final InsightsModel model;
    private final Locale locale;
    private final Label value = new Label();
    private final Label detail = new Label();
    private final TextField amount = new TextField();
    private final ComboBox<Currency> currency = new ComboBox<>();
    private final Label problem = new Label();
    private InsightsSummary shown;

    SavingsCard(ConsoleContext context, InsightsFormat format, InsightsModel model, Currency systemCurrency) {
        super(6);
        this.context = context;
        this.format = format;
        this.model = model;
        this.locale = context.messages().locale();
        setId("insightsSavings");
        getStyleClass().addAll("insights-card", "insights-savings");
        Label title = new Label(context.text("insights.savings.title"));
        title.getStyleClass().add("insights-card-title");
        value.setId("insightsSavingsValue");
        value.getStyleClass().add("insights-card-value");
        detail.setId("insightsSavingsDetail");
        detail.setWrapText(true);

        Label costLabel = new Label(context.text("insights.cost.label"));
        costLabel.setLabelFor(amount);
        amount.setId("insightsCost");
        amount.setPrefColumnCount(8);
        amount.setAccessibleText(context.text("insights.cost.label"));
        amount.setOnAction(e -> apply());
        currency.setId("insightsCurrency");
        currency.setAccessibleText(context.text("insights.cost.currency"));
        currency.setItems(FXCollections.observableList(HelpdeskCostSetting.currencies(systemCurrency)));
        currency.setCellFactory(list -> new CurrencyCell());
        currency.setButtonCell(new CurrencyCell());
        currency.setVisibleRowCount(12);
        Button use = new Button(context.text("insights.cost.apply"));
        use.setId("insightsCostApply");
        use.setOnAction(e -> apply());
        FlowPane editor = new FlowPane(8, 6, costLabel, amount, currency, use);
        editor.setAlignment(Pos.CENTER_LEFT);
        problem.setId("insightsCostProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label assumption = new Label(context.text("insights.cost.assumption"));
        assumption.setId("insightsCostAssumption");
        assumption.getStyleClass().add("muted");
        assumption.setWrapText(true);
        getChildren().addAll(title, value, detail, editor, problem, assumption);

        HelpdeskCost remembered = model.costProperty().get();
        currency.setValue(remembered == null ? systemCurrency : remembered.currency());
        if (remembered != null) {
            amount.setText(CostAmounts.write(remembered.perCall(), locale));
        }
        model.costProperty().addListener((o, was, now) -> refresh());
    }

    /** Takes the field's amount as the new estimate, or says why it can't. */
    private void apply() {
        CostAmounts.Reading reading = CostAmounts.read(amount.getText(), locale);
        switch (reading) {
            case CostAmounts.Amount a -> {
                problem.setText("");
                model.setCost(new HelpdeskCost(a.value(), currency.getValue()));
                amount.setText(CostAmounts.write(a.value(), locale));
            }
            case CostAmounts.Problem p -> problem.setText(context.text(p.key(), // an example, and the most allowed
                    CostAmounts.write(new java.math.BigDecimal("12.50"), locale),
                    CostAmounts.write(CostAmounts.MAX, locale)));
        }
    }

    void show(InsightsSummary summary) {
        shown = summary;
        refresh();
    }

    private void refresh() {
        if (shown == null) {
            return;
        }
        HelpdeskCost cost = model.costProperty().get();
        String calls = format.count(shown.callsAvoided());
        value.pseudoClassStateChanged(ESTIMATED, cost != null); // a dash in the savings colour reads as a figure
        if (cost == null) {
            value.setText(context.text("insights.card.none"));
            detail.setText(context.text("insights.savings.noCost", shown.callsAvoided(), calls));
        } else {
            value.setText(format.money(cost.savings(shown.callsAvoided()), cost.currency()));
            detail.setText(context.text("insights.savings.detail", shown.callsAvoided(), calls,
                    format.money(cost.perCall(), cost.currency())));
        }
    }

    /** "EUR — Euro": the code to find it by, the name to be sure of it. */
    private final class CurrencyCell extends ListCell<Currency> {
        @Override
        protected void updateItem(Currency item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.getCurrencyCode() + " — " + item.getDisplayName(locale));
        }
    }
}
