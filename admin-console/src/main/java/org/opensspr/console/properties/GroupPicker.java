package org.opensspr.console.properties;

import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.opensspr.api.GroupDto;
import org.opensspr.console.ConsoleContext;

import java.util.List;
import java.util.function.Consumer;

/** Search the directory's groups by name and add one or more to the selection (Enter or double-click adds). */
final class GroupPicker extends VBox {
    static final int RESULTS = 50;
    private final TextField search = new TextField();
    private final ListView<GroupDto> results = new ListView<>();
    private final Label status = new Label();

    GroupPicker(ConsoleContext context, GroupLookup lookup, Consumer<GroupDto> onPick) {
        super(6);
        search.setId("groupSearch");
        search.setPromptText(context.text("properties.groups.search.prompt"));
        search.setAccessibleText(context.text("properties.groups.search"));
        results.setId("groupResults");
        results.setAccessibleText(context.text("properties.groups.results"));
        results.setPrefHeight(160);
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GroupDto group, boolean empty) {
                super.updateItem(group, empty);
                setText(empty || group == null ? null : GroupText.describe(context, group));
            }
        });
        status.getStyleClass().add("muted");
        Button add = new Button(context.text("properties.groups.add"));
        add.setId("addGroup");
        add.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        Runnable pick = () -> {
            GroupDto selected = results.getSelectionModel().getSelectedItem();
            if (selected != null) {
                onPick.accept(selected);
            }
        };
        add.setOnAction(e -> pick.run());
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pick.run();
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                pick.run();
            }
        });
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> runSearch(context, lookup));
        search.textProperty().addListener((o, was, now) -> debounce.playFromStart());
        search.setOnAction(e -> runSearch(context, lookup));
        HBox.setHgrow(search, Priority.ALWAYS);
        getChildren().addAll(new HBox(8, search, add), results, status);
    }

    void searchNow(ConsoleContext context, GroupLookup lookup) {
        runSearch(context, lookup);
    }

    private void runSearch(ConsoleContext context, GroupLookup lookup) {
        String text = searchText();
        context.background().run(() -> lookup.search(text, RESULTS), (List<GroupDto> found) -> {
            if (!text.equals(searchText())) {
                return; // typed on meanwhile: a newer search is on its way, and this answer is for old text
            }
            GroupDto chosen = results.getSelectionModel().getSelectedItem();
            results.getItems().setAll(found);
            // A refreshed list keeps the group the admin had chosen, if it is still there.
            if (chosen != null) {
                found.stream().filter(group -> group.id().equals(chosen.id())).findFirst()
                        .ifPresent(results.getSelectionModel()::select);
            }
            status.setText(found.isEmpty() ? context.text("properties.groups.none") : "");
        }, error -> status.setText(context.text("properties.groups.failed")));
    }

    private String searchText() {
        return search.getText() == null ? "" : search.getText().strip();
    }
}
