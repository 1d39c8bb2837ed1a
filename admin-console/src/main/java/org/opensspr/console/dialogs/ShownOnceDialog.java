package org.opensspr.console.dialogs;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

/**
 * A generated password, a Temporary Access Pass or a kiosk's enrollment code, shown this once with a copy button:
 * the server keeps only its hash, so closing the dialog is the last chance to read it.
 */
public final class ShownOnceDialog extends Dialog<Void> {

    /** A secret for a user: the last line says to hand it over through the channel the helpdesk verified. */
    public ShownOnceDialog(ConsoleContext context, String titleKey, String secret, String detail, Window owner) {
        this(context, titleKey, secret, detail, "shown.once", owner);
    }

    /** {@code onceKey}: the last line, saying this is the only time the secret is shown and where it goes. */
    public ShownOnceDialog(ConsoleContext context, String titleKey, String secret, String detail, String onceKey,
                           Window owner) {
        initOwner(owner);
        setTitle(context.text(titleKey));
        setHeaderText(context.text(titleKey));
        getDialogPane().setId("shownOnceDialog");
        getDialogPane().getButtonTypes().setAll(new ButtonType(context.text("shown.done"), ButtonBar.ButtonData.OK_DONE));
        TextField value = new TextField(secret);
        value.setId("shownSecret");
        value.setEditable(false);
        value.getStyleClass().add("secret-value");
        value.setAccessibleText(context.text(titleKey));
        HBox.setHgrow(value, Priority.ALWAYS);
        Button copy = new Button(context.text("shown.copy"));
        copy.setId("shownCopy");
        Label copied = new Label();
        copied.setId("shownCopied");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(secret);
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(context.text("shown.copied"));
        });
        VBox content = new VBox(10, new HBox(8, value, copy), copied, PaneText.note(detail),
                PaneText.note(context.text(onceKey)));
        content.setPrefWidth(480);
        getDialogPane().setContent(content);
    }
}
