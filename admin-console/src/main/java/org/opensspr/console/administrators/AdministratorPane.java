package org.opensspr.console.administrators;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.console.policy.YesNo;

/** Administrator policy pane: the two-gate rules (read-only, they are not a setting) and the admin-SSPR switch. */
public final class AdministratorPane extends PolicyPaneView<AdministratorPaneModel> {

    public AdministratorPane(AdministratorPaneModel model, ConsoleContext context) {
        super(model, context, "admins.title", "admins.subtitle");
        YesNo selfService = new YesNo(context, model.selfServiceProperty(), "admins.selfService");
        editableOnly(selfService);
        VBox rules = new VBox(6);
        rules.getStyleClass().add("info-note");
        rules.setId("twoGateRules");
        for (String key : new String[] {"admins.rule.gates", "admins.rule.methods", "admins.rule.questions",
                "admins.rule.scope", "admins.rule.onprem"}) {
            Label rule = new Label("• " + context.text(key));
            rule.setWrapText(true);
            rules.getChildren().add(rule);
        }
        content.getChildren().addAll(selfService, note(context.text("admins.selfService.help")),
                section(context.text("admins.rules")), note(context.text("admins.rules.readonly")), rules);
    }
}
