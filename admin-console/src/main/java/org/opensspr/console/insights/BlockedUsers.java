package org.opensspr.console.insights;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.opensspr.api.BlockedInsightsDto;
import org.opensspr.api.BlockedUserDto;
import org.opensspr.console.ConsoleContext;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** Who is blocked from self-service reset now, soonest unblocked first, and when each block ends in the admin's time. */
final class BlockedUsers extends ChartPanel {
    private static final double ROW = 34;
    private static final double HEADER = 44;
    private final ConsoleContext context;
    private final InsightsFormat format;
    private final DateTimeFormatter when;

    BlockedUsers(ConsoleContext context, InsightsFormat format, ZoneId zone) {
        super("insightsBlocked", context.text("insights.chart.blocked"));
        this.context = context;
        this.format = format;
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(context.messages().locale()).withZone(zone);
    }

    void show(BlockedInsightsDto blocked) {
        if (blocked.blockedNow() == 0) {
            showEmpty(context.text("insights.blocked.none"));
            return;
        }
        TableView<BlockedUserDto> table = new TableView<>(FXCollections.observableList(blocked.users()));
        table.setId("insightsBlockedTable");
        TableColumn<BlockedUserDto, String> user = new TableColumn<>(context.text("insights.blocked.user"));
        user.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().userPrincipalName()));
        TableColumn<BlockedUserDto, String> ends = new TableColumn<>(context.text("insights.blocked.ends"));
        ends.setCellValueFactory(row -> new ReadOnlyStringWrapper(when.format(row.getValue().blockedUntil())));
        ends.setMinWidth(220); // fixed: the names take the rest of the width
        ends.setMaxWidth(220);
        table.getColumns().setAll(List.of(user, ends));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // As tall as its rows, up to eight; more scroll.
        table.setFixedCellSize(ROW);
        table.setPrefHeight(HEADER + Math.min(8, blocked.users().size()) * ROW);
        table.setMinHeight(table.getPrefHeight());
        VBox content = new VBox(6, table);
        if (blocked.blockedNow() > blocked.users().size()) { // the server lists the first hundred only
            Label more = new Label(context.text("insights.blocked.more", format.count(blocked.users().size()),
                    format.count(blocked.blockedNow())));
            more.getStyleClass().add("muted");
            more.setWrapText(true);
            content.getChildren().add(more);
        }
        table.setAccessibleText(context.text("insights.chart.blocked"));
        show(content, context.text("insights.chart.blocked"));
    }
}
