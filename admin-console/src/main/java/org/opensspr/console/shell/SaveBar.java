package org.opensspr.console.shell;

import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicySaver;

/** The bar under the policy panes: what version is shown, what went wrong, and Save / Discard / Retry. */
final class SaveBar extends HBox {

    SaveBar(ConsoleContext context, PolicySaver saver, BooleanBinding dirty, boolean mayEdit) {
        super(10);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("save-bar");
        Label status = new Label();
        status.setId("saveStatus");
        status.setWrapText(true);
        status.textProperty().bind(saver.statusProperty());
        saver.failedProperty().addListener((o, was, now) -> {
            status.getStyleClass().remove("field-error");
            if (now) {
                status.getStyleClass().add("field-error");
            }
        });
        Label unsaved = new Label(context.text("save.unsaved"));
        unsaved.setId("unsavedMarker");
        unsaved.getStyleClass().add("unsaved");
        unsaved.visibleProperty().bind(dirty);
        unsaved.managedProperty().bind(dirty);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.setAccessibleText(context.text("common.working"));
        progress.visibleProperty().bind(context.background().busyProperty());

        Button retry = new Button(context.text("save.retry"));
        retry.setId("retryButton");
        retry.visibleProperty().bind(saver.retryableProperty());
        retry.managedProperty().bind(saver.retryableProperty());
        retry.setOnAction(e -> saver.retry());
        Button discard = new Button(context.text("save.discard"));
        discard.setId("discardButton");
        discard.disableProperty().bind(dirty.not().or(context.background().busyProperty()));
        discard.setOnAction(e -> saver.discard());
        Button save = new Button(context.text("save.button"));
        save.setId("saveButton");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(dirty.not().or(context.background().busyProperty()));
        save.setOnAction(e -> saver.save());
        if (!mayEdit) {
            save.setVisible(false);
            discard.setVisible(false);
        }
        getChildren().addAll(unsaved, status, progress, retry, discard, save);
    }
}
