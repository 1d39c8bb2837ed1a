package org.opensspr.console.groups;

import javafx.animation.PauseTransition;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.console.ConsoleContext;

/**
 * "Add a user" or "Add a group": search the directory by the start of a name and choose one (Enter or a
 * double-click in the list adds it).
 */
final class AddMemberDialog extends Dialog<GroupMemberDto> {
    private final TextField search = new TextField();
    private final ListView<GroupMemberDto> found = new ListView<>();
    private final Label note = new Label();

    AddMemberDialog(ConsoleContext context, GroupDetailModel model, GroupMemberDto.Kind kind, String groupName,
                    Window owner) {
        initOwner(owner);
        String what = kind.name();
        setTitle(context.text("addMember.title." + what));
        setHeaderText(context.text("addMember.header." + what, groupName));
        getDialogPane().setId("addMemberDialog");
        ButtonType add = new ButtonType(context.text("addMember.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(add, cancel);
        getDialogPane().lookupButton(add).disableProperty().bind(found.getSelectionModel().selectedItemProperty().isNull());

        search.setId("memberSearch");
        search.setPromptText(context.text("addMember.search.prompt." + what));
        search.setAccessibleText(context.text("addMember.search." + what));
        found.setId("memberCandidates");
        found.setAccessibleText(context.text("addMember.results"));
        found.setPrefHeight(220);
        found.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GroupMemberDto member, boolean empty) {
                super.updateItem(member, empty);
                setText(empty || member == null ? null : member.detail() == null || member.detail().isBlank()
                        ? member.name() : member.name() + " — " + member.detail());
            }
        });
        found.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && found.getSelectionModel().getSelectedItem() != null) {
                setResult(found.getSelectionModel().getSelectedItem());
                close();
            }
        });
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        Runnable lookUp = () -> {
            String text = search.getText().strip();
            model.candidates(kind, text, candidates -> {
                if (text.equals(search.getText().strip())) { // typed on meanwhile: a newer answer is coming
                    found.getItems().setAll(candidates);
                    note.setText(candidates.isEmpty() ? context.text("addMember.none", text) : "");
                    if (!candidates.isEmpty()) {
                        found.getSelectionModel().selectFirst();
                    }
                }
            });
        };
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> lookUp.run());
        search.textProperty().addListener((o, was, now) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            lookUp.run();
            e.consume(); // Enter searches now; it doesn't add whatever an older search had chosen
        });
        VBox content = new VBox(8, search, found, note);
        content.setPrefWidth(460);
        getDialogPane().setContent(content);
        setOnShown(e -> search.requestFocus());
        setResultConverter(button -> button == add ? found.getSelectionModel().getSelectedItem() : null);
        lookUp.run();
    }
}
