package org.opensspr.console.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.opensspr.api.FieldChangeDto;
import org.opensspr.api.Json;
import org.opensspr.api.PolicyDiffDto;
import org.opensspr.console.ConsoleContext;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Two versions side by side: one row per changed field, the older value on the left, the newer on the right. */
final class DiffTable extends TableView<FieldChangeDto> {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private final TableColumn<FieldChangeDto, String> before;
    private final TableColumn<FieldChangeDto, String> after;
    private final ConsoleContext context;

    /** {@code paneOf} names the pane that owns a field path (or null). */
    DiffTable(ConsoleContext context, Function<String, String> paneOf) {
        this.context = context;
        setId("policyDiff");
        setAccessibleText(context.text("history.diff"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setPlaceholder(new Label(context.text("history.diff.choose")));
        setPrefHeight(260);
        TableColumn<FieldChangeDto, String> field = new TableColumn<>(context.text("history.column.field"));
        field.setCellValueFactory(row -> new ReadOnlyStringWrapper(fieldName(row.getValue().path(), paneOf)));
        before = new TableColumn<>();
        before.setCellValueFactory(row -> new ReadOnlyStringWrapper(value(row.getValue().oldValue())));
        before.setCellFactory(column -> new ValueCell(true));
        after = new TableColumn<>();
        after.setCellValueFactory(row -> new ReadOnlyStringWrapper(value(row.getValue().newValue())));
        after.setCellFactory(column -> new ValueCell(false));
        getColumns().setAll(List.of(field, before, after));
        getColumns().forEach(c -> c.setSortable(false));
    }

    /** Shows {@code diff}, or the hint to choose versions when null. */
    void show(PolicyDiffDto diff, int currentVersion) {
        if (diff == null) {
            getItems().clear();
            setPlaceholder(new Label(context.text("history.diff.choose")));
            before.setText(context.text("history.column.before"));
            after.setText(context.text("history.column.after"));
            return;
        }
        before.setText(versionName(diff.fromVersion(), currentVersion));
        after.setText(versionName(diff.toVersion(), currentVersion));
        setPlaceholder(new Label(context.text("history.diff.same")));
        getItems().setAll(diff.changes());
    }

    private String versionName(int version, int currentVersion) {
        return context.text(version == currentVersion ? "history.column.versionCurrent" : "history.column.versionN", version);
    }

    /** "passwordProtection.lockoutThreshold" → "Password protection › lockout threshold". */
    static String fieldName(String path, Function<String, String> paneOf) {
        String pane = paneOf.apply(path);
        String[] parts = path.split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = pane == null ? 0 : 1; i < parts.length; i++) {
            name.append(name.isEmpty() ? "" : " › ").append(WORD_START.matcher(parts[i]).replaceAll(" ").toLowerCase(Locale.ROOT));
        }
        if (pane == null) {
            return name.toString();
        }
        return name.isEmpty() ? pane : pane + " › " + name;
    }

    /** A JSON value as an admin reads it: text without quotes, lists comma-separated, absent as nothing. */
    static String value(String json) {
        if (json == null) {
            return "";
        }
        try {
            return plain(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
    }

    private static String plain(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            StringBuilder text = new StringBuilder();
            node.forEach(item -> text.append(text.isEmpty() ? "" : ", ").append(plain(item)));
            return text.toString();
        }
        return node.toString();
    }

    /** One side of a change: "—" where the value was added (left) or removed (right); the other side is marked. */
    private final class ValueCell extends TableCell<FieldChangeDto, String> {
        private final boolean left;

        ValueCell(boolean left) {
            this.left = left;
            setWrapText(true);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll("diff-added", "diff-removed", "diff-absent");
            FieldChangeDto change = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (change == null) {
                setText(null);
                return;
            }
            String mine = left ? change.oldValue() : change.newValue();
            String other = left ? change.newValue() : change.oldValue();
            if (mine == null) {
                setText(context.text("history.diff.absent"));
                getStyleClass().add("diff-absent");
                return;
            }
            setText(text == null || text.isEmpty() ? context.text("history.diff.empty") : text);
            if (other == null) {
                getStyleClass().add(left ? "diff-removed" : "diff-added");
            }
        }
    }
}
