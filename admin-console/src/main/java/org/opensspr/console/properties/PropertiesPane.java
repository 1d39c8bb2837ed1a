package org.opensspr.console.properties;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensspr.api.GroupDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.policy.SsprScope;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Properties pane: "Self service password reset enabled" None / Selected / All, the groups, and kiosk networks. */
public final class PropertiesPane extends PolicyPaneView<PropertiesPaneModel> {
    private final GroupLookup lookup;

    public PropertiesPane(PropertiesPaneModel model, ConsoleContext context, GroupLookup lookup) {
        super(model, context, "properties.title", "properties.subtitle");
        this.lookup = lookup;
        ToggleGroup scopes = new ToggleGroup();
        Map<SsprScope, RadioButton> buttons = new EnumMap<>(SsprScope.class);
        HBox scopeRow = new HBox(16);
        for (SsprScope scope : SsprScope.values()) {
            RadioButton button = new RadioButton(context.text("properties.scope." + scope.name()));
            button.setId("scope-" + scope.name());
            button.setAccessibleText(context.text("properties.scope") + " " + button.getText());
            button.setToggleGroup(scopes);
            button.setUserData(scope);
            buttons.put(scope, button);
            scopeRow.getChildren().add(button);
        }
        scopes.selectToggle(buttons.get(model.scopeProperty().get()));
        model.scopeProperty().addListener((o, was, now) -> scopes.selectToggle(buttons.get(now)));
        scopes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.scopeProperty().set((SsprScope) now.getUserData());
            }
        });
        editableOnly(scopeRow);

        VBox groups = groupsSection(context);
        groups.visibleProperty().bind(model.scopeProperty().isEqualTo(SsprScope.SELECTED));
        groups.managedProperty().bind(groups.visibleProperty());

        TextArea networks = new TextArea();
        networks.setId("kioskNetworks");
        networks.setPrefRowCount(3);
        networks.setPromptText("10.0.0.0/8");
        networks.setAccessibleText(context.text("properties.networks"));
        networks.textProperty().bindBidirectional(model.kioskNetworksProperty());
        networks.editableProperty().bind(model.editableProperty());

        Label scopeLabel = new Label(context.text("properties.scope"));
        content.getChildren().addAll(scopeLabel, scopeRow, problemLabel("scope.scope"), note(context.text("properties.scope.help")),
                groups, section(context.text("properties.networks")), note(context.text("properties.networks.help")),
                networks, problemLabel("kioskNetworks", networks));
    }

    private VBox groupsSection(ConsoleContext context) {
        ListView<String> selected = new ListView<>(model.groupIds());
        selected.setId("selectedGroups");
        selected.setAccessibleText(context.text("properties.groups.selected"));
        selected.setPrefHeight(130);
        selected.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                GroupDto group = empty || id == null ? null : model.known(id);
                setText(empty || id == null ? null
                        : group == null ? context.text("properties.groups.unknown", id) : GroupText.describe(context, group));
            }
        });
        Button remove = new Button(context.text("properties.groups.remove"));
        remove.setId("removeGroup");
        remove.disableProperty().bind(selected.getSelectionModel().selectedItemProperty().isNull()
                .or(model.editableProperty().not()));
        remove.setOnAction(e -> model.removeGroup(selected.getSelectionModel().getSelectedItem()));
        GroupPicker picker = new GroupPicker(context, lookup, model::addGroup);
        editableOnly(picker);
        model.groupIds().addListener((ListChangeListener<String>) change -> resolveNames(context, selected));
        resolveNames(context, selected);
        picker.searchNow(context, lookup);
        return new VBox(8, section(context.text("properties.groups")), note(context.text("properties.groups.help")),
                selected, remove, problemLabel("scope.groupIds", selected), picker);
    }

    private void resolveNames(ConsoleContext context, ListView<String> selected) {
        List<String> unknown = model.groupIds().stream().filter(id -> model.known(id) == null).toList();
        if (unknown.isEmpty()) {
            return;
        }
        context.background().run(() -> lookup.byIds(unknown), found -> {
            model.remember(found);
            selected.refresh();
        }, error -> { });
    }
}
