package org.opensspr.console.history;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.console.ConsoleContext;

import java.util.Date;
import java.util.List;

/** The versions of one history page; select one to compare it with the version in force, or two to compare them. */
final class VersionsTable extends TableView<PolicyVersionSummaryDto> {

    VersionsTable(PolicyHistoryModel model, ConsoleContext context) {
        super(model.versions());
        setId("policyVersions");
        setAccessibleText(context.text("history.versions"));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(context.text("history.versions.none")));
        setPrefHeight(300);

        TableColumn<PolicyVersionSummaryDto, Integer> version = new TableColumn<>(context.text("history.column.version"));
        version.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().version()));
        version.setPrefWidth(90);
        version.setMaxWidth(110);
        TableColumn<PolicyVersionSummaryDto, String> author = new TableColumn<>(context.text("history.column.author"));
        author.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().author()));
        author.setPrefWidth(280);
        TableColumn<PolicyVersionSummaryDto, String> when = new TableColumn<>(context.text("history.column.when"));
        when.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().createdAt() == null ? ""
                : context.text("history.when", Date.from(row.getValue().createdAt()))));
        when.setPrefWidth(200);
        TableColumn<PolicyVersionSummaryDto, String> note = new TableColumn<>(context.text("history.column.note"));
        note.setCellValueFactory(row -> new ReadOnlyStringWrapper(note(context, model, row.getValue())));
        note.setPrefWidth(240);
        getColumns().setAll(List.of(version, author, when, note));
        for (TableColumn<PolicyVersionSummaryDto, ?> column : getColumns()) {
            column.setSortable(false); // the server's order (newest first) is the order that matters
        }
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(PolicyVersionSummaryDto item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("current-version");
                if (!empty && item != null && item.version() == model.currentVersion()) {
                    getStyleClass().add("current-version");
                }
                setAccessibleText(empty || item == null ? null : describe(context, model, item));
            }
        });
    }

    /** Selected version numbers, in selection order. */
    List<Integer> selectedVersions() {
        return getSelectionModel().getSelectedItems().stream().map(PolicyVersionSummaryDto::version).toList();
    }

    private static String note(ConsoleContext context, PolicyHistoryModel model, PolicyVersionSummaryDto item) {
        String note = item.version() == 0 ? context.text("history.note.defaults")
                : item.rolledBackFrom() != null ? context.text("history.note.rollback", item.rolledBackFrom()) : "";
        if (item.version() == model.currentVersion()) {
            return note.isEmpty() ? context.text("history.note.current") : context.text("history.note.current") + " · " + note;
        }
        return note;
    }

    private static String describe(ConsoleContext context, PolicyHistoryModel model, PolicyVersionSummaryDto item) {
        String when = item.createdAt() == null ? "" : context.text("history.when", Date.from(item.createdAt()));
        return context.text("history.row", item.version(), item.author(), when, note(context, model, item));
    }
}
