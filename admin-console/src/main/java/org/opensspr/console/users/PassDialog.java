package org.opensspr.console.users;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.opensspr.api.TemporaryAccessPassRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;
import org.opensspr.methods.TemporaryAccessPassRules;

import java.util.List;

/** "Issue a Temporary Access Pass": how long it lasts (10 minutes to 30 days), one-time or not, and its length. */
final class PassDialog extends Dialog<TemporaryAccessPassRequest> {
    /** The lifetimes offered, in minutes, from the shortest Entra allows to the longest. */
    static final List<Integer> LIFETIMES = List.of(10, 60, 480, 1440, 10080, 43200);

    PassDialog(ConsoleContext context, UserDetailDto user, Window owner) {
        initOwner(owner);
        setTitle(context.text("pass.title"));
        setHeaderText(context.text("pass.header", user.userPrincipalName()));
        getDialogPane().setId("passDialog");
        ButtonType issue = new ButtonType(context.text("pass.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(issue, cancel);

        ComboBox<Integer> lifetime = new ComboBox<>();
        lifetime.setId("passLifetime");
        lifetime.getItems().setAll(LIFETIMES);
        lifetime.setValue((int) TemporaryAccessPassRules.DEFAULT_LIFETIME.toMinutes());
        lifetime.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return minutes == null ? "" : context.text("pass.lifetime." + minutes);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        lifetime.setAccessibleText(context.text("pass.lifetime"));
        Spinner<Integer> length = new Spinner<>(TemporaryAccessPassRules.MIN_LENGTH, TemporaryAccessPassRules.MAX_LENGTH,
                TemporaryAccessPassRules.DEFAULT_LENGTH);
        length.setId("passLength");
        length.setEditable(true);
        length.setAccessibleText(context.text("pass.length"));
        CheckBox oneTime = new CheckBox(context.text("pass.oneTime"));
        oneTime.setId("passOneTime");

        GridPane form = new GridPane(12, 8);
        Label lifetimeLabel = new Label(context.text("pass.lifetime"));
        lifetimeLabel.setLabelFor(lifetime);
        Label lengthLabel = new Label(context.text("pass.length"));
        lengthLabel.setLabelFor(length);
        form.addRow(0, lifetimeLabel, lifetime);
        form.addRow(1, lengthLabel, length);
        form.add(oneTime, 1, 2);
        VBox content = new VBox(10, form, PaneText.note(context.text("pass.note")));
        content.setPrefWidth(480);
        getDialogPane().setContent(content);
        setResultConverter(button -> button != issue ? null
                : new TemporaryAccessPassRequest(lifetime.getValue(), oneTime.isSelected(), length.getValue()));
    }
}
