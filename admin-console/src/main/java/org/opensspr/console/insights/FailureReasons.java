package org.opensspr.console.insights;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.opensspr.api.ReasonCountDto;
import org.opensspr.console.ConsoleContext;

import java.util.List;

/**
 * The most frequent failure reasons, as a table: the reasons are sentences ("The new password is on the banned
 * list") that no chart axis could show whole.
 */
final class FailureReasons extends ChartPanel {
    private final ConsoleContext context;
    private final InsightsFormat format;

    FailureReasons(ConsoleContext context, InsightsFormat format) {
        super("insightsFailures", context.text("insights.chart.failures"));
        this.context = context;
        this.format = format;
    }

    void show(List<ReasonCountDto> reasons) {
        if (reasons.isEmpty()) {
            showEmpty(context.text("insights.failures.none"));
            return;
        }
        TableView<ReasonCountDto> table = new TableView<>(FXCollections.observableList(reasons));
        table.setId("insightsFailuresTable");
        TableColumn<ReasonCountDto, String> reason = new TableColumn<>(context.text("insights.failures.reason"));
        reason.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().reason()));
        TableColumn<ReasonCountDto, String> count = new TableColumn<>(context.text("insights.failures.count"));
        count.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(format.count(row.getValue().count())));
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        count.setMinWidth(90); // fixed: the reasons take the rest of the width
        count.setMaxWidth(90);
        table.getColumns().setAll(List.of(reason, count));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(240);
        table.setMinHeight(240);
        show(table, context.text("insights.chart.failures"));
    }
}
