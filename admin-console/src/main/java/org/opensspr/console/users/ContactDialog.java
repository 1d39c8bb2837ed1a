package org.opensspr.console.users;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.opensspr.api.ApiError;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "Edit contact data": the authentication contact an administrator pre-fills. Only changed fields are sent; the
 * dialog stays open on a refusal, keeping what was typed, with the server's reason under the field it names.
 */
final class ContactDialog extends Dialog<Void> {
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Label general = new Label();

    ContactDialog(ConsoleContext context, UserDetailModel model, UserDetailDto user, Window owner) {
        initOwner(owner);
        setTitle(context.text("contact.title"));
        setHeaderText(context.text("contact.header", user.userPrincipalName()));
        getDialogPane().setId("contactDialog");
        ButtonType saveType = new ButtonType(context.text("contact.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(saveType, cancel);

        GridPane form = new GridPane(12, 4);
        TextField alternate = field(context, form, 0, "alternateEmail", "user.alternateEmail", user.alternateEmail(),
                "contact.email.prompt");
        TextField mobile = field(context, form, 2, "mobilePhone", "user.mobilePhone", user.mobilePhone(),
                "contact.phone.prompt");
        TextField office = field(context, form, 4, "officePhone", "user.officePhone", user.officePhone(),
                "contact.office.prompt");
        general.setId("contactError");
        general.getStyleClass().add("field-error");
        general.setWrapText(true);
        general.setMinHeight(Region.USE_PREF_SIZE);
        general.managedProperty().bind(general.textProperty().isNotEmpty());
        Label note = PaneText.note(context.text("contact.note"));
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(10, note, form, general);
        content.setPrefWidth(540);
        getDialogPane().setContent(content);

        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId("contactSave");
        save.disableProperty().bind(context.background().busyProperty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the server took the change
            ContactUpdateRequest change = new ContactUpdateRequest(changed(user.alternateEmail(), alternate),
                    changed(user.mobilePhone(), mobile), changed(user.officePhone(), office));
            if (change.alternateEmail() == null && change.mobilePhone() == null && change.officePhone() == null) {
                close();
                return;
            }
            showErrors(List.of(), "");
            model.prefillContact(change, this::close, refused -> showErrors(refused,
                    refused.isEmpty() ? model.statusProperty().get() : ""));
        });
        setResultConverter(button -> null);
    }

    private TextField field(ConsoleContext context, GridPane form, int row, String name, String labelKey, String value,
                            String promptKey) {
        TextField field = new TextField(value == null ? "" : value);
        field.setId("contact-" + name);
        field.setPromptText(context.text(promptKey));
        field.setPrefColumnCount(26);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label label = new Label(context.text(labelKey));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId("contact-" + name + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setMaxWidth(380);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        errors.put(name, error);
        form.addRow(row, label, field);
        form.add(error, 1, row + 1);
        return field;
    }

    /** The typed value when it differs from {@code current}, else null (the API leaves that field as it is). */
    private static String changed(String current, TextField field) {
        String typed = field.getText().strip();
        return typed.equals(Objects.requireNonNullElse(current, "")) ? null : typed;
    }

    private void showErrors(List<ApiError.FieldError> refused, String otherwise) {
        errors.values().forEach(l -> l.setText(""));
        StringBuilder unplaced = new StringBuilder(otherwise);
        for (ApiError.FieldError error : refused) {
            Label at = errors.get(error.field());
            if (at != null) {
                at.setText(error.message());
            } else {
                unplaced.append(unplaced.isEmpty() ? "" : " ").append(error.message());
            }
        }
        general.setText(unplaced.toString());
        // A dialog keeps the size it opened with: grow it so the reasons don't push Save out of the window.
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }
}
