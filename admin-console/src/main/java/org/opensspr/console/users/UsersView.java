package org.opensspr.console.users;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.opensspr.api.ImportColumns;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.LoadingPlaceholder;
import org.opensspr.console.policy.PaneText;

import java.util.function.Function;

/**
 * Users: the directory in a table paged from the server (search, sort by column header), and the chosen user's
 * details and helpdesk actions beside it.
 */
public final class UsersView extends SplitPane {
    private final UsersModel model;
    private final UserDetailView detail;
    private final ImportUsersModel importer;
    private final TableView<UserSummaryDto> table = new TableView<>();
    private boolean replacingItems;

    public UsersView(UsersModel model, UserDetailView detail, ImportUsersModel importer, ConsoleContext context) {
        this.model = model;
        this.detail = detail;
        this.importer = importer;
        Label title = new Label(context.text("users.title"));
        title.getStyleClass().add("pane-title");

        TextField search = new TextField();
        search.setId("usersSearch");
        search.setPromptText(context.text("users.search.prompt"));
        search.setAccessibleText(context.text("users.search"));
        PauseTransition typing = new PauseTransition(Duration.millis(250));
        typing.setOnFinished(e -> model.search(search.getText()));
        search.textProperty().addListener((o, was, now) -> typing.playFromStart());
        search.setOnAction(e -> {
            typing.stop();
            model.search(search.getText());
        });

        table.setId("usersTable");
        table.setAccessibleText(context.text("users.table"));
        table.setPlaceholder(LoadingPlaceholder.of(context.text("users.loading"), model.statusProperty()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<UserSummaryDto, String> name = column(context.text("users.column.name"), "displayName",
                UserSummaryDto::displayName);
        TableColumn<UserSummaryDto, String> upn = column(context.text("users.column.upn"), "upn",
                UserSummaryDto::userPrincipalName);
        TableColumn<UserSummaryDto, String> source = column(context.text("users.column.source"), null,
                u -> context.text("whatif.source." + u.source().name()));
        TableColumn<UserSummaryDto, String> state = column(context.text("users.column.state"), null,
                u -> !u.enabled() ? context.text("whatif.user.disabled")
                        : u.locked() ? context.text("whatif.user.locked") : context.text("users.state.active"));
        table.getColumns().setAll(java.util.List.of(name, upn, source, state));
        // Sorting is the server's: nothing loaded is sorted here; the order a header click sets is asked for.
        table.setSortPolicy(t -> true);
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<UserSummaryDto, ?>>) c -> applySort());
        for (TableColumn<UserSummaryDto, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((o, was, now) -> applySort());
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UserSummaryDto user, boolean empty) {
                super.updateItem(user, empty);
                setAccessibleText(user == null ? null : user.displayName() + ", " + user.userPrincipalName());
            }
        });
        model.rowsProperty().addListener((o, was, now) -> {
            // A table forgets its sort order with its items: the order the rows came in is put back.
            var order = java.util.List.copyOf(table.getSortOrder());
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
        status.setId("usersStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());

        Button importUsers = new Button(context.text("users.import"));
        importUsers.setId("importUsers");
        importUsers.setOnAction(e -> new ImportUsersDialog(context, importer, String.join(", ",
                ImportColumns.NAMES), getScene().getWindow()).showAndWait());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox tools = new HBox(8, search, importUsers);
        VBox list = new VBox(8, title, PaneText.note(context.text("users.subtitle")), tools);
        if (!importer.refusal().isEmpty()) {
            importUsers.setDisable(true);
            importUsers.setAccessibleHelp(importer.refusal());
            Label why = PaneText.note(importer.refusal());
            why.setId("importRefusal");
            why.getStyleClass().add("read-only-note");
            list.getChildren().add(why);
        }
        list.getChildren().addAll(table, status);
        list.getStyleClass().add("policy-pane");
        VBox.setVgrow(table, Priority.ALWAYS);
        setOrientation(Orientation.HORIZONTAL);
        getItems().setAll(list, detail);
        setDividerPositions(0.52);
        getStyleClass().add("users-view");
        model.search("");
    }

    /** The table's first sort column, or the name when none, becomes the server's order. */
    private void applySort() {
        if (replacingItems) {
            return;
        }
        var order = table.getSortOrder();
        if (order.isEmpty() || order.getFirst().getUserData() == null) {
            model.sort("displayName", false);
        } else {
            model.sort((String) order.getFirst().getUserData(),
                    order.getFirst().getSortType() == TableColumn.SortType.DESCENDING);
        }
    }

    private static TableColumn<UserSummaryDto, String> column(String title, String sortKey,
                                                               Function<UserSummaryDto, String> value) {
        TableColumn<UserSummaryDto, String> column = new TableColumn<>(title);
        column.setUserData(sortKey);
        column.setSortable(sortKey != null);
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? ""
                : value.apply(cell.getValue())));
        return column;
    }

    public UsersModel model() {
        return model;
    }

    public ImportUsersModel importer() {
        return importer;
    }

    public UserDetailView detail() {
        return detail;
    }

    public TableView<UserSummaryDto> table() {
        return table;
    }
}
