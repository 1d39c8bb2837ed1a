package org.opensspr.console.whatif;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;

/**
 * The answer: a verdict line, then labelled facts (why, gates, methods, what comes next) and, for a dead
 * end, the kiosk's own message in a box that looks like the kiosk's notice.
 */
public final class WhatIfResultCard extends VBox {
    private final ConsoleContext context;
    private final Label verdict = new Label();
    private final Label reason = value("whatIfReason");
    private final Label gates = value("whatIfGates");
    private final Label methods = value("whatIfMethods");
    private final Label next = value("whatIfNext");
    private final Label heading = new Label();
    private final Label message = new Label();
    private final Label helpdesk = new Label();
    private final VBox kiosk;
    private final GridPane facts = new GridPane(14, 8);

    public WhatIfResultCard(ConsoleContext context) {
        super(12);
        this.context = context;
        getStyleClass().add("what-if-card");
        verdict.setId("whatIfVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("what-if-verdict");
        facts.addRow(0, key("whatif.fact.reason", reason), reason);
        facts.addRow(1, key("whatif.fact.gates", gates), gates);
        facts.addRow(2, key("whatif.fact.methods", methods), methods);
        facts.addRow(3, key("whatif.fact.next", next), next);
        GridPane.setHgrow(reason, Priority.ALWAYS);

        heading.setId("whatIfMessageTitle");
        heading.setWrapText(true);
        heading.getStyleClass().add("kiosk-heading");
        message.setId("whatIfMessage");
        message.setWrapText(true);
        message.getStyleClass().add("kiosk-message");
        helpdesk.setId("whatIfHelpdesk");
        helpdesk.setWrapText(true);
        helpdesk.getStyleClass().add("kiosk-helpdesk");
        Label kioskTitle = new Label(context.text("whatif.fact.message"));
        kioskTitle.getStyleClass().add("muted");
        kiosk = new VBox(6, kioskTitle, heading, message, helpdesk);
        kiosk.getStyleClass().add("kiosk-notice");
        kiosk.managedProperty().bind(kiosk.visibleProperty());
        getChildren().addAll(verdict, facts, kiosk);
        show(null);
    }

    public void show(WhatIfSummary summary) {
        verdict.getStyleClass().removeAll("verdict-yes", "verdict-no");
        if (summary == null) {
            verdict.setText(context.text("whatif.result.none"));
            facts.setVisible(false);
            facts.setManaged(false);
            kiosk.setVisible(false);
            return;
        }
        verdict.setText(summary.verdict());
        verdict.getStyleClass().add(summary.eligible() ? "verdict-yes" : "verdict-no");
        reason.setText(summary.reason());
        gates.setText(summary.gates());
        methods.setText(summary.methods());
        next.setText(summary.next().isEmpty() ? context.text("whatif.next.stops") : summary.next());
        facts.setVisible(true);
        facts.setManaged(true);
        heading.setText(summary.kioskTitle());
        message.setText(summary.kioskMessage());
        helpdesk.setText(summary.helpdesk());
        kiosk.setVisible(!summary.kioskTitle().isEmpty());
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private Label key(String textKey, Label value) {
        Label label = new Label(context.text(textKey));
        label.getStyleClass().add("what-if-key");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setLabelFor(value);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }
}
