package org.opensspr.console.insights;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The period reported: a preset ending today, or two days chosen ("Custom"), checked before anything is asked; the
 * days are the administrator's, in their zone, which the bar names. A spinner turns while the report is asked for.
 */
final class RangeBar extends VBox {
    private final ConsoleContext context;
    private final InsightsModel model;
    private final ComboBox<RangePreset> preset = new ComboBox<>();
    private final DatePicker fromDay = new DatePicker();
    private final DatePicker toDay = new DatePicker();
    private final Label shown = new Label();

    RangeBar(ConsoleContext context, InsightsModel model) {
        super(6);
        this.context = context;
        this.model = model;
        setId("insightsRange");
        preset.setItems(FXCollections.observableList(List.of(RangePreset.values())));
        preset.setCellFactory(list -> new PresetCell());
        preset.setButtonCell(new PresetCell());
        preset.setValue(model.presetProperty().get());
        preset.valueProperty().addListener((o, was, now) -> chosen(now));
        fromDay.setPrefWidth(150);
        toDay.setPrefWidth(150);
        Button show = new Button(context.text("insights.range.show"));
        show.setId("insightsShow");
        show.setOnAction(e -> applyDays());
        fromDay.getEditor().setOnAction(e -> applyDays());
        toDay.getEditor().setOnAction(e -> applyDays());
        Node from = labelled("insights.range.from", "insightsFrom", fromDay);
        Node to = labelled("insights.range.to", "insightsTo", toDay);
        for (Node custom : List.of(from, to, show)) {
            custom.visibleProperty().bind(preset.valueProperty().isEqualTo(RangePreset.CUSTOM));
            custom.managedProperty().bind(custom.visibleProperty());
        }
        Button refresh = new Button(context.text("insights.refresh"));
        refresh.setId("insightsRefresh");
        refresh.setOnAction(e -> model.reload());
        refresh.disableProperty().bind(model.loadingProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("insightsProgress");
        progress.setAccessibleText(context.text("insights.loading"));
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.loadingProperty());
        FlowPane controls = new FlowPane(12, 8, labelled("insights.range.period", "insightsPreset", preset), from, to,
                show, refresh, progress);
        controls.setAlignment(Pos.BOTTOM_LEFT);

        shown.setId("insightsRangeShown");
        shown.getStyleClass().add("muted");
        model.rangeProperty().addListener((o, was, now) -> describe(now));
        Label problem = new Label();
        problem.setId("insightsRangeProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.rangeProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        getChildren().addAll(controls, problem, shown);
    }

    private void chosen(RangePreset now) {
        if (now != RangePreset.CUSTOM) {
            model.choose(now);
            return;
        }
        DayRange current = model.rangeProperty().get(); // a custom range starts from the days shown
        if (current != null) {
            fromDay.setValue(current.from());
            toDay.setValue(current.to());
        }
        model.choose(now);
        fromDay.requestFocus();
    }

    private void applyDays() {
        model.chooseDays(day(fromDay), day(toDay));
    }

    private void describe(DayRange range) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(context.messages().locale());
        shown.setText(range == null ? "" : context.text("insights.range.shown", day.format(range.from()),
                day.format(range.to()), range.days(), model.zone().getId()));
    }

    /** The day picked, counting one typed but not yet committed; null when none, or unreadable. */
    private static LocalDate day(DatePicker picker) {
        String typed = picker.getEditor().getText();
        if (typed == null || typed.isBlank()) {
            picker.setValue(null);
            return null;
        }
        try {
            picker.setValue(picker.getConverter().fromString(typed));
            return picker.getValue();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private Node labelled(String key, String id, Control control) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("muted");
        label.setLabelFor(control);
        control.setId(id);
        control.setAccessibleText(context.text(key));
        return new VBox(2, label, control);
    }

    private final class PresetCell extends ListCell<RangePreset> {
        @Override
        protected void updateItem(RangePreset item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : context.text("insights.preset." + item.name()));
        }
    }
}
