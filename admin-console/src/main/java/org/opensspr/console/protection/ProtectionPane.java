package org.opensspr.console.protection;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.password.GlobalBannedTerms;

/** Password protection pane: the custom banned list, smart lockout, and "try a password". */
public final class ProtectionPane extends PolicyPaneView<ProtectionPaneModel> {

    public ProtectionPane(ProtectionPaneModel model, ConsoleContext context) {
        super(model, context, "protection.title", "protection.subtitle");
        BannedTermsEditor terms = new BannedTermsEditor(model, context);
        editableOnly(terms.editingControls());

        TextField threshold = number("lockoutThreshold", "protection.lockout.threshold");
        threshold.textProperty().bindBidirectional(model.lockoutThresholdProperty());
        TextField duration = number("lockoutDuration", "protection.lockout.duration");
        duration.textProperty().bindBidirectional(model.lockoutDurationProperty());
        editableOnly(threshold, duration);
        GridPane lockout = new GridPane(12, 8);
        lockout.addRow(0, labelFor(threshold, "protection.lockout.threshold"), threshold,
                new Label(context.text("protection.lockout.threshold.unit")));
        lockout.addRow(1, labelFor(duration, "protection.lockout.duration"), duration,
                new Label(context.text("protection.lockout.duration.unit")));
        lockout.setAlignment(Pos.CENTER_LEFT);

        content.getChildren().addAll(
                section(context.text("protection.terms")), note(context.text("protection.terms.help")), terms,
                problemLabel(ProtectionPaneModel.TERMS_FIELD, terms.list()),
                section(context.text("protection.lockout")), note(context.text("protection.lockout.help")), lockout,
                problemLabel(ProtectionPaneModel.THRESHOLD_FIELD, threshold),
                problemLabel(ProtectionPaneModel.DURATION_FIELD, duration),
                section(context.text("protection.try")), note(context.text("protection.try.help")),
                new TryPasswordBox(model, context));
        // The global list loads on first use; load it now so the first typed character doesn't wait for it.
        context.background().run(() -> GlobalBannedTerms.list().size(), size -> { }, failure -> { });
    }

    private TextField number(String id, String labelKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(6);
        field.setMaxWidth(110);
        field.setAccessibleText(context.text(labelKey));
        return field;
    }

    private Label labelFor(TextField field, String key) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        return label;
    }
}
