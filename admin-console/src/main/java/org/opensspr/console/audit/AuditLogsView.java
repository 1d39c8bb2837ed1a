package org.opensspr.console.audit;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.AuditEventDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.LoadingPlaceholder;
import org.opensspr.console.policy.PaneText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Audit logs: whether the tamper-evident chain holds, the events filtered and paged newest first, the chosen event
 * whole beside them, and an export of what the filter selects. Times are the administrator's, to the second.
 */
public final class AuditLogsView extends VBox {
    private final AuditLogsModel model;
    private final ConsoleContext context;
    private final AuditEventTable table;
    private final AuditFilterBar filters;
    private final Label exportOutcome = new Label();

    public AuditLogsView(AuditLogsModel model, ConsoleContext context) {
        this(model, context, ZoneId.systemDefault());
    }

    /** {@code zone}: where the administrator's days begin and end, for the date range and the times shown. */
    public AuditLogsView(AuditLogsModel model, ConsoleContext context, ZoneId zone) {
        super(8);
        this.model = model;
        this.context = context;
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM)
                .withLocale(context.messages().locale()).withZone(zone);
        Label title = new Label(context.text("audit.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = PaneText.note(context.text("audit.subtitle"));
        subtitle.setMinHeight(Region.USE_PREF_SIZE); // whole, however the table grows

        filters = new AuditFilterBar(context, zone, model::apply);
        table = new AuditEventTable(context, when);
        table.setPlaceholder(LoadingPlaceholder.of(context.text("audit.loading"), model.statusProperty()));
        model.rowsProperty().addListener((o, was, now) -> table.setItems(now));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        AuditEventDetail detail = new AuditEventDetail(context, when);
        model.selectedProperty().addListener((o, was, now) -> detail.show(now));

        Label status = new Label();
        status.setId("auditStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        Button refresh = new Button(context.text("audit.refresh"));
        refresh.setId("auditRefresh");
        refresh.setOnAction(e -> model.reload());
        refresh.disableProperty().bind(context.background().busyProperty());
        Button export = new Button(context.text("audit.export"));
        export.setId("auditExport");
        export.setOnAction(e -> export());
        export.disableProperty().bind(model.rowsProperty().isNull());
        exportOutcome.setId("auditExportOutcome");
        exportOutcome.setWrapText(true);
        exportOutcome.getStyleClass().add("muted");
        HBox bar = new HBox(12, refresh, export, status, exportOutcome);
        bar.setAlignment(Pos.CENTER_LEFT);

        // The chosen event under the list, not beside it: seven columns need the view's whole width.
        // Scrolled when the window is short, so the divider, not the event's length, decides the table's height.
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setMinHeight(60);
        SplitPane listAndDetail = new SplitPane(table, detailScroll);
        listAndDetail.setOrientation(Orientation.VERTICAL);
        listAndDetail.setDividerPositions(0.58);
        SplitPane.setResizableWithParent(detailScroll, false);
        VBox.setVgrow(listAndDetail, Priority.ALWAYS);
        getChildren().addAll(title, subtitle, new ChainStateBanner(context, when, model),
                new SiemStateLine(context, when, model), filters, listAndDetail, bar);
        getStyleClass().addAll("policy-pane", "audit-view");
        model.reload();
    }

    private void export() {
        AuditExportDialog dialog = new AuditExportDialog(context, model::export, model.listed(), getScene().getWindow());
        dialog.showAndWait();
        exportOutcome.setText(dialog.outcome());
    }

    public AuditLogsModel model() {
        return model;
    }

    public javafx.scene.control.TableView<AuditEventDto> table() {
        return table;
    }

    AuditFilterBar filters() {
        return filters;
    }
}
