package org.opensspr.console.groups;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.console.ConsoleContext;

/** "New group": a name (unique in any case; the server says if it is taken) and an optional description. */
final class NewGroupDialog extends Dialog<GroupWriteRequest> {

    NewGroupDialog(ConsoleContext context, Window owner) {
        initOwner(owner);
        setTitle(context.text("newGroup.title"));
        setHeaderText(context.text("newGroup.header"));
        getDialogPane().setId("newGroupDialog");
        ButtonType create = new ButtonType(context.text("newGroup.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(create, cancel);

        TextField name = new TextField();
        name.setId("newGroupName");
        name.setAccessibleText(context.text("newGroup.name"));
        TextField description = new TextField();
        description.setId("newGroupDescription");
        description.setAccessibleText(context.text("newGroup.description"));
        getDialogPane().lookupButton(create).disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> name.getText().isBlank(), name.textProperty()));

        GridPane form = new GridPane(12, 8);
        Label nameLabel = new Label(context.text("newGroup.name"));
        nameLabel.setLabelFor(name);
        Label descriptionLabel = new Label(context.text("newGroup.description"));
        descriptionLabel.setLabelFor(description);
        form.addRow(0, nameLabel, name);
        form.addRow(1, descriptionLabel, description);
        form.setPrefWidth(440);
        GridPane.setHgrow(name, javafx.scene.layout.Priority.ALWAYS);
        GridPane.setHgrow(description, javafx.scene.layout.Priority.ALWAYS);
        getDialogPane().setContent(form);
        setOnShown(e -> name.requestFocus());
        setResultConverter(button -> button == create
                ? new GroupWriteRequest(name.getText().strip(), description.getText().strip()) : null);
    }
}
