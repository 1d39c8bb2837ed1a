package org.opensspr.kiosk.newpassword;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;

/**
 * The password rules, all shown before the first key is typed, each ticked as soon as it holds. The tick
 * is also in each rule's accessible text ("met" / "not met yet"), since a screen reader can't see colours.
 */
final class RuleChecklist extends VBox {
    private final I18n i18n;

    RuleChecklist(I18n i18n) {
        this.i18n = i18n;
        getStyleClass().add("rule-list");
        setId("passwordRules");
    }

    /** A rule that is ticked when {@code met} holds. */
    void rule(String id, StringBinding text, ObservableBooleanValue met) {
        Label mark = new Label();
        mark.textProperty().bind(Bindings.when(met).then("\u2713").otherwise("\u2022"));
        mark.getStyleClass().add("rule-mark");
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.accessibleTextProperty().bind(Bindings.concat(text, ", ",
                Bindings.when(met).then(i18n.text("rules.met")).otherwise(i18n.text("rules.notMet"))));
        HBox row = new HBox(mark, label);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("rule");
        met.addListener((o, was, now) -> style(row, now));
        style(row, met.get());
        getChildren().add(row);
    }

    /** A rule the kiosk can't check (the server does when the password is sent): no tick. */
    void note(String id, StringBinding text) {
        Label mark = new Label("\u2022");
        mark.getStyleClass().add("rule-mark");
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        HBox row = new HBox(mark, label);
        row.getStyleClass().addAll("rule", "rule-note");
        getChildren().add(row);
    }

    private static void style(HBox row, boolean met) {
        row.getStyleClass().removeAll("rule-met", "rule-unmet");
        row.getStyleClass().add(met ? "rule-met" : "rule-unmet");
    }
}
