package org.opensspr.console.users;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.util.List;

/**
 * "Reset password": first the caller-verification checklist (a helpdesk resets only for a caller it has made
 * sure of), then a generated or typed password and "must change at next sign-in" (on by default; an
 * on-premises account's directory decides that itself). Reset stays disabled until every check is ticked.
 */
final class ResetPasswordDialog extends Dialog<AdminPasswordResetRequest> {
    static final List<String> CHECKS = List.of("identity", "selfServiceTried", "channel");

    ResetPasswordDialog(ConsoleContext context, UserDetailDto user, Window owner) {
        initOwner(owner);
        setTitle(context.text("reset.title"));
        setHeaderText(context.text("reset.header", user.displayName().isBlank() ? user.userPrincipalName()
                : user.displayName(), user.userPrincipalName()));
        getDialogPane().setId("resetDialog");
        ButtonType reset = new ButtonType(context.text("reset.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(reset, cancel);

        VBox checklist = new VBox(6);
        BooleanBinding allChecked = Bindings.createBooleanBinding(() -> true);
        for (String check : CHECKS) {
            CheckBox box = new CheckBox(context.text("reset.check." + check));
            box.setId("check-" + check);
            box.setWrapText(true);
            checklist.getChildren().add(box);
            allChecked = allChecked.and(box.selectedProperty());
        }

        ToggleGroup how = new ToggleGroup();
        RadioButton generate = new RadioButton(context.text("reset.generate"));
        generate.setId("resetGenerate");
        generate.setToggleGroup(how);
        generate.setSelected(true);
        RadioButton type = new RadioButton(context.text("reset.type"));
        type.setId("resetType");
        type.setToggleGroup(how);
        PasswordField typed = new PasswordField();
        typed.setId("resetPassword");
        typed.setAccessibleText(context.text("reset.password"));
        typed.setPromptText(context.text("reset.password"));
        typed.disableProperty().bind(type.selectedProperty().not());
        Label rules = PaneText.note(context.text("reset.rules"));

        CheckBox mustChange = new CheckBox(context.text("reset.mustChange"));
        mustChange.setId("resetMustChange");
        boolean onPremises = user.source() == org.opensspr.directory.UserSource.ON_PREMISES;
        mustChange.setSelected(true); // for on-premises accounts the server asks the directory to require it
        Node mustChangeNote = PaneText.note(context.text(onPremises ? "reset.mustChange.onPremises" : "reset.mustChange.note"));

        VBox content = new VBox(10, PaneText.section(context.text("reset.checklist")), checklist,
                PaneText.section(context.text("reset.newPassword")), generate, type, typed, rules, mustChange,
                mustChangeNote);
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        BooleanBinding ready = allChecked.and(type.selectedProperty().not().or(typed.textProperty().isNotEmpty()));
        getDialogPane().lookupButton(reset).disableProperty().bind(ready.not());
        setResultConverter(button -> button != reset ? null : new AdminPasswordResetRequest(
                type.isSelected() ? typed.getText() : null, mustChange.isSelected()));
    }
}
