package org.opensspr.kiosk.register;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.WizardDriver;

/**
 * What is registered, one row per method: its name, the masked address where it has one, and who put it
 * there when it wasn't the person. On the Security info page each row has Change and Delete.
 */
final class RegisteredList extends VBox {

    /** A list to read (the prompt, "You're all set"). */
    RegisteredList(I18n i18n, SecurityInfoDto info) {
        this(i18n, info, null);
    }

    /** With Change and Delete on each row, acting through {@code driver}; null for none. */
    RegisteredList(I18n i18n, SecurityInfoDto info, WizardDriver driver) {
        getStyleClass().add("registered-list");
        setId("registeredList");
        if (info.registered().isEmpty()) {
            Label none = new Label();
            none.setId("nothingRegistered");
            none.textProperty().bind(i18n.text("secinfo.nothingRegistered"));
            none.getStyleClass().add("muted");
            getChildren().add(none);
        }
        for (RegisteredInfoDto item : info.registered()) {
            getChildren().add(row(i18n, info, item, driver));
        }
    }

    private static HBox row(I18n i18n, SecurityInfoDto info, RegisteredInfoDto item, WizardDriver driver) {
        String kind = item.kind().name();
        Label name = new Label();
        name.textProperty().bind(i18n.text("secinfo.kind." + kind));
        name.getStyleClass().add("registered-name");
        VBox text = new VBox(name);
        if (Kinds.showsDisplay(item.kind()) && item.display() != null && !item.display().isBlank()) {
            Label display = new Label(item.display());
            display.setId("display-" + kind);
            display.getStyleClass().add("registered-display");
            text.getChildren().add(display);
        }
        if (item.source() != RegistrationSource.USER) {
            Label source = new Label();
            source.textProperty().bind(i18n.text("secinfo.source.prefilled"));
            source.getStyleClass().add("muted");
            text.getChildren().add(source);
        }
        if (!item.counts()) {
            Label counts = new Label();
            counts.textProperty().bind(i18n.text("secinfo.notCounted"));
            counts.getStyleClass().add("muted");
            text.getChildren().add(counts);
        }
        text.getStyleClass().add("registered-text");
        HBox row = new HBox(text);
        row.setId("registered-" + kind);
        row.getStyleClass().add("registered-row");
        row.setAlignment(Pos.CENTER_LEFT);
        if (driver != null) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row.getChildren().add(spacer);
            if (Kinds.changeable(info, item.kind())) {
                row.getChildren().add(button(i18n, "change-" + kind, "secinfo.change", item, () ->
                        driver.perform(new SecurityInfoAction.Add(item.kind()))));
            }
            row.getChildren().add(button(i18n, "delete-" + kind, "secinfo.delete", item, () ->
                    driver.perform(new SecurityInfoAction.AskDelete(item.kind()))));
        }
        return row;
    }

    private static Button button(I18n i18n, String id, String key, RegisteredInfoDto item, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(i18n.text(key));
        // "Change" alone doesn't say what: a screen reader hears "Change Alternate email".
        button.accessibleTextProperty().bind(i18n.text(key + ".named", i18n.text("secinfo.kind." + item.kind().name())));
        button.getStyleClass().add("row-button");
        button.setOnAction(e -> action.run());
        return button;
    }
}
