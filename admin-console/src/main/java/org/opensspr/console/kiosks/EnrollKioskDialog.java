package org.opensspr.console.kiosks;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

/** "Enroll a kiosk": the name it will be listed under; the server answers its one-time enrollment code. */
final class EnrollKioskDialog extends Dialog<String> {
    /** As the server allows (KioskService.MAX_NAME_LENGTH). */
    static final int MAX_NAME_LENGTH = 100;

    EnrollKioskDialog(ConsoleContext context, Window owner) {
        initOwner(owner);
        setTitle(context.text("kiosks.enroll.title"));
        setHeaderText(context.text("kiosks.enroll.title"));
        getDialogPane().setId("enrollDialog");
        ButtonType create = new ButtonType(context.text("kiosks.enroll.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(create, cancel);

        TextField name = new TextField();
        name.setId("kioskName");
        name.setPromptText(context.text("kiosks.enroll.name.prompt"));
        name.setAccessibleText(context.text("kiosks.enroll.name"));
        Label label = new Label(context.text("kiosks.enroll.name"));
        label.setLabelFor(name);
        Node go = getDialogPane().lookupButton(create);
        go.disableProperty().bind(name.textProperty().map(t -> t.isBlank() || t.strip().length() > MAX_NAME_LENGTH));
        VBox content = new VBox(8, label, name, PaneText.note(context.text("kiosks.enroll.note")));
        content.setPrefWidth(480);
        getDialogPane().setContent(content);
        setOnShown(e -> name.requestFocus());
        setResultConverter(button -> button == create ? name.getText().strip() : null);
    }
}
