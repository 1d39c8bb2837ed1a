package org.opensspr.console.audit;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditResult;
import org.opensspr.console.ConsoleContext;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The audit events as the server pages them, newest first: one row per event, its result as a badge. */
final class AuditEventTable extends TableView<AuditEventDto> {
    private final ConsoleContext context;

    AuditEventTable(ConsoleContext context, DateTimeFormatter when) {
        this.context = context;
        setId("auditTable");
        setAccessibleText(context.text("audit.table"));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AuditEventDto, AuditEventDto> result = new TableColumn<>(context.text("audit.column.result"));
        result.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        result.setCellFactory(c -> new ResultCell());
        fixed(result, 88, 90);
        getColumns().setAll(List.of(
                column("audit.column.time", 170, 170, e -> when.format(e.occurredAt())), // the time whole
                column("audit.column.activity", 110, 210, e -> e.activity().entraName()),
                column("audit.column.actor", 90, 140, AuditEventDto::actor),
                column("audit.column.target", 90, 140, AuditEventDto::target),
                column("audit.column.kiosk", 70, 90, e -> e.kioskId() == null ? "" : e.kioskId()),
                result,
                column("audit.column.reason", 80, 120, AuditEventDto::failureReason)));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEventDto event, boolean empty) {
                super.updateItem(event, empty);
                setAccessibleText(event == null ? null : context.text("audit.row", when.format(event.occurredAt()),
                        event.activity().entraName(), event.actor(), event.target(), resultText(event.result())));
            }
        });
    }

    private String resultText(AuditResult result) {
        return context.text("audit.result." + result.name());
    }

    /** {@code minWidth}: what the column keeps in a narrow window, where it elides rather than vanishes. */
    private TableColumn<AuditEventDto, String> column(String titleKey, double minWidth, double width,
                                                      Function<AuditEventDto, String> value) {
        TableColumn<AuditEventDto, String> column = new TableColumn<>(context.text(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null ? ""
                : value.apply(cell.getValue())));
        fixed(column, minWidth, width);
        return column;
    }

    private static void fixed(TableColumn<AuditEventDto, ?> column, double minWidth, double width) {
        column.setMinWidth(minWidth);
        column.setPrefWidth(width);
        column.setSortable(false); // newest first, as the server pages them
        column.setReorderable(false);
    }

    /** "Success" or "Failure" as a coloured badge: failures stand out while scrolling. */
    private final class ResultCell extends TableCell<AuditEventDto, AuditEventDto> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(AuditEventDto event, boolean empty) {
            super.updateItem(event, empty);
            if (empty || event == null) {
                setGraphic(null);
                return;
            }
            badge.setText(resultText(event.result()));
            badge.getStyleClass().setAll("label", "chip",
                    event.result() == AuditResult.SUCCESS ? "chip-success" : "chip-danger");
            setGraphic(badge);
        }
    }
}
