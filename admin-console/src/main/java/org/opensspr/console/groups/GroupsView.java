package org.opensspr.console.groups;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.opensspr.api.GroupDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.LoadingPlaceholder;
import org.opensspr.console.policy.PaneText;

import java.util.List;
import java.util.function.Function;

/**
 * Groups: the directory's groups in a table paged from the server (search, sort by column header, the SSPR scope's
 * groups marked), "New group", and the chosen group's members beside it.
 */
public final class GroupsView extends SplitPane {
    private final GroupsModel model;
    private final GroupDetailView detail;
    private final TableView<GroupDto> table = new TableView<>();
    private boolean replacingItems;

    /** @param readOnlyReason why this role can't change groups, or null when it can */
    public GroupsView(GroupsModel model, GroupDetailView detail, ConsoleContext context, String readOnlyReason) {
        this.model = model;
        this.detail = detail;
        Label title = new Label(context.text("groups.title"));
        title.getStyleClass().add("pane-title");

        TextField search = new TextField();
        search.setId("groupsSearch");
        search.setPromptText(context.text("groups.search.prompt"));
        search.setAccessibleText(context.text("groups.search"));
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> model.search(search.getText()));
        search.textProperty().addListener((o, was, now) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            model.search(search.getText());
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox searchRow = new HBox(8, search, newGroupButton(context, readOnlyReason));

        table.setId("groupsTable");
        table.setAccessibleText(context.text("groups.table"));
        table.setPlaceholder(LoadingPlaceholder.of(context.text("groups.loading"), model.statusProperty()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column(context.text("groups.column.name"), "name", 150, GroupDto::name),
                column(context.text("groups.column.users"), null, 65, g -> String.valueOf(g.memberUserCount())),
                column(context.text("groups.column.groups"), null, 75, g -> String.valueOf(g.memberGroupCount())),
                column(context.text("groups.column.scope"), null, 120, g -> scopeText(context, g))));
        // Sorting is the server's: nothing loaded is sorted here; the order a header click sets is asked for.
        table.setSortPolicy(t -> true);
        table.getSortOrder().addListener((ListChangeListener<TableColumn<GroupDto, ?>>) c -> applySort());
        for (TableColumn<GroupDto, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((o, was, now) -> applySort());
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(GroupDto group, boolean empty) {
                super.updateItem(group, empty);
                setAccessibleText(group == null ? null : model.isScopeGroup(group)
                        ? group.name() + ", " + context.text("group.scope.selected") : group.name());
            }
        });
        model.holdersReadProperty().addListener(o -> table.refresh());
        model.rowsProperty().addListener((o, was, now) -> {
            // A table forgets its sort order with its items: the order the rows came in is put back.
            var order = List.copyOf(table.getSortOrder());
            replacingItems = true;
            table.setItems(now);
            table.getSortOrder().setAll(order);
            replacingItems = false;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        detail.model().onChanged(() -> model.changed(table.getSelectionModel().getSelectedIndex()));
        model.selectedProperty().addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                detail.model().show(now == null ? null : now.id());
            }
        });

        Label status = new Label();
        status.setId("groupsStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());

        VBox list = new VBox(8, title, PaneText.note(context.text("groups.subtitle")), searchRow, table, status);
        list.getStyleClass().add("policy-pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        setOrientation(Orientation.HORIZONTAL);
        getItems().setAll(list, detail);
        setDividerPositions(0.52);
        getStyleClass().add("users-view");
        model.search("");
    }

    /** "New group…": the new group is shown once made; greyed out, with the reason, for a role that can't. */
    private javafx.scene.Node newGroupButton(ConsoleContext context, String readOnlyReason) {
        Button create = new Button(context.text("groups.new"));
        create.setId("newGroup");
        if (readOnlyReason != null) {
            create.setDisable(true);
            create.setAccessibleHelp(readOnlyReason);
            HBox holder = new HBox(create);
            holder.setId("newGroupHolder");
            Tooltip.install(holder, new Tooltip(readOnlyReason));
            return holder;
        }
        create.disableProperty().bind(context.background().busyProperty());
        create.setOnAction(e -> new NewGroupDialog(context, getScene().getWindow()).showAndWait().ifPresent(request ->
                model.create(request, made -> model.selectedProperty().set(made))));
        return create;
    }

    /** "selected", "via" the selected groups that hold it, or nothing (also while the server is asked). */
    private String scopeText(ConsoleContext context, GroupDto group) {
        if (model.isScopeGroup(group)) {
            return context.text("groups.scope.selected");
        }
        var holders = model.scopeHolders(group);
        return holders == null || holders.isEmpty() ? "" : context.text("groups.scope.through",
                String.join(", ", holders.stream().map(org.opensspr.api.GroupRefDto::name).toList()));
    }

    /** The table's first sort column, or the name when none, becomes the server's order. */
    private void applySort() {
        if (replacingItems) {
            return;
        }
        var order = table.getSortOrder();
        if (order.isEmpty() || order.getFirst().getUserData() == null) {
            model.sort("name", false);
        } else {
            model.sort((String) order.getFirst().getUserData(),
                    order.getFirst().getSortType() == TableColumn.SortType.DESCENDING);
        }
    }

    private static TableColumn<GroupDto, String> column(String title, String sortKey, double width,
                                                        Function<GroupDto, String> value) {
        TableColumn<GroupDto, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        if (sortKey == null || !sortKey.equals("name")) {
            column.setMinWidth(width); // the name gives way in a narrow pane; the short columns keep their headers
        }
        column.setUserData(sortKey);
        column.setSortable(sortKey != null);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? ""
                : value.apply(cell.getValue())));
        return column;
    }

    public GroupsModel model() {
        return model;
    }

    public GroupDetailView detail() {
        return detail;
    }

    public TableView<GroupDto> table() {
        return table;
    }
}
