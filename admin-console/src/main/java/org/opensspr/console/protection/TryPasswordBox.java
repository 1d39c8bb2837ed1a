package org.opensspr.console.protection;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;
import org.opensspr.password.BannedPasswordScore;

/**
 * "Try a password": the banned-password score as the kiosk would compute it, with the terms it matched.
 * Hidden as typed unless "Show" is on; emptied whenever the pane is left, so it doesn't linger on screen.
 */
final class TryPasswordBox extends VBox {

    TryPasswordBox(ProtectionPaneModel model, ConsoleContext context) {
        super(8);
        PasswordField hidden = new PasswordField();
        hidden.setId("tryPassword");
        TextField shown = new TextField();
        shown.setId("tryPasswordShown");
        for (TextField field : new TextField[] {hidden, shown}) {
            field.textProperty().bindBidirectional(model.trialPasswordProperty());
            field.setAccessibleText(context.text("protection.try.field"));
            field.setPromptText(context.text("protection.try.prompt"));
            field.setPrefColumnCount(28);
        }
        CheckBox show = new CheckBox(context.text("protection.try.show"));
        show.setId("tryPasswordShow");
        hidden.visibleProperty().bind(show.selectedProperty().not());
        shown.visibleProperty().bind(show.selectedProperty());
        StackPane fields = new StackPane(hidden, shown);
        fields.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(fields, Priority.ALWAYS);
        fields.setMaxWidth(420);
        HBox row = new HBox(12, fields, show);
        row.setAlignment(Pos.CENTER_LEFT);

        Label verdict = new Label();
        verdict.setId("tryScore");
        verdict.setWrapText(true);
        Label matched = new Label();
        matched.setId("tryMatched");
        matched.setWrapText(true);
        matched.getStyleClass().add("muted");
        matched.managedProperty().bind(matched.textProperty().isNotEmpty());
        Runnable update = () -> {
            BannedPasswordScore score = model.trialScoreBinding().get();
            verdict.getStyleClass().removeAll("score-pass", "score-fail");
            if (score == null) {
                verdict.setText(context.text("protection.try.empty"));
                matched.setText("");
                return;
            }
            verdict.getStyleClass().add(score.passes() ? "score-pass" : "score-fail");
            verdict.setText(context.text(score.passes() ? "protection.try.passes" : "protection.try.refused",
                    score.score(), BannedPasswordScore.MINIMUM_SCORE));
            matched.setText(score.matchedTerms().isEmpty() ? context.text("protection.try.noTerms")
                    : context.text("protection.try.matched", String.join(", ", score.matchedTerms())));
        };
        model.trialScoreBinding().addListener(o -> update.run());
        update.run();

        Label basis = new Label();
        basis.setWrapText(true);
        basis.getStyleClass().add("muted");
        basis.textProperty().bind(Bindings.createStringBinding(() -> model.organizationNameProperty().get().isBlank()
                        ? context.text("protection.try.basis.noOrg")
                        : context.text("protection.try.basis", model.organizationNameProperty().get()),
                model.organizationNameProperty()));
        getChildren().addAll(row, verdict, matched, basis);
        getStyleClass().add("try-password");
        // Leaving the pane (it is kept for later) forgets the trial password.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                model.trialPasswordProperty().set("");
            }
        });
    }
}
