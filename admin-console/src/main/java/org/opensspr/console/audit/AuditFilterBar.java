package org.opensspr.console.audit;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditFilter;
import org.opensspr.api.AuditResult;
import org.opensspr.console.ConsoleContext;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The filters above the audit list: activity, actor, target, result and a range of days. Nothing applies while it
 * is being set: "Apply" (or Enter in a field) asks the server, "Clear" lists everything again.
 */
final class AuditFilterBar extends FlowPane {
    private final ComboBox<Optional<AuditActivity>> activity = new ComboBox<>();
    private final TextField actor = new TextField();
    private final TextField target = new TextField();
    private final ComboBox<Optional<AuditResult>> result = new ComboBox<>();
    private final DatePicker fromDay = new DatePicker();
    private final DatePicker toDay = new DatePicker();
    private final ZoneId zone;

    AuditFilterBar(ConsoleContext context, ZoneId zone, Consumer<AuditFilter> onApply) {
        super(12, 8);
        this.zone = zone;
        setAlignment(Pos.BOTTOM_LEFT);
        setId("auditFilters");

        List<Optional<AuditActivity>> activities = new ArrayList<>(List.of(Optional.empty()));
        for (AuditActivity a : AuditActivity.values()) {
            activities.add(Optional.of(a));
        }
        activity.setItems(FXCollections.observableList(activities));
        activity.setCellFactory(list -> new NamedCell<>(a -> a.map(AuditActivity::entraName)
                .orElse(context.text("audit.filter.activity.all"))));
        activity.setButtonCell(activity.getCellFactory().call(null));
        activity.getSelectionModel().selectFirst();
        activity.setVisibleRowCount(16);
        activity.setPrefWidth(300);
        result.setItems(FXCollections.observableList(List.of(Optional.empty(), Optional.of(AuditResult.SUCCESS),
                Optional.of(AuditResult.FAILURE))));
        result.setCellFactory(list -> new NamedCell<>(r -> r.map(v -> context.text("audit.result." + v.name()))
                .orElse(context.text("audit.filter.result.all"))));
        result.setButtonCell(result.getCellFactory().call(null));
        result.getSelectionModel().selectFirst();
        actor.setPrefColumnCount(14);
        target.setPrefColumnCount(14);
        actor.setPromptText(context.text("audit.filter.user.prompt"));
        target.setPromptText(context.text("audit.filter.user.prompt"));
        fromDay.setPrefWidth(140);
        toDay.setPrefWidth(140);

        Button apply = new Button(context.text("audit.filter.apply"));
        apply.setId("auditApply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> onApply.accept(filter()));
        Button clear = new Button(context.text("audit.filter.clear"));
        clear.setId("auditClear");
        clear.setOnAction(e -> {
            clear();
            onApply.accept(filter());
        });
        for (TextField field : List.of(actor, target, fromDay.getEditor(), toDay.getEditor())) {
            field.setOnAction(e -> onApply.accept(filter())); // Enter applies, as the button would
        }
        getChildren().addAll(
                labelled(context, "audit.filter.activity", "auditActivity", activity),
                labelled(context, "audit.filter.actor", "auditActor", actor),
                labelled(context, "audit.filter.target", "auditTarget", target),
                labelled(context, "audit.filter.result", "auditResult", result),
                labelled(context, "audit.filter.from", "auditFrom", fromDay),
                labelled(context, "audit.filter.to", "auditTo", toDay),
                apply, clear);
    }

    /** The filter as set now: whole days from the first day's midnight to the midnight after the last, here. */
    AuditFilter filter() {
        LocalDate first = day(fromDay);
        LocalDate last = day(toDay);
        return new AuditFilter(activity.getValue() == null ? null : activity.getValue().orElse(null),
                actor.getText(), target.getText(), result.getValue() == null ? null : result.getValue().orElse(null),
                dayStart(first), dayStart(last == null ? null : last.plusDays(1)));
    }

    private void clear() {
        activity.getSelectionModel().selectFirst();
        result.getSelectionModel().selectFirst();
        actor.clear();
        target.clear();
        fromDay.setValue(null);
        toDay.setValue(null);
    }

    /** The picked day; a day typed but not yet committed (Enter pressed in the field) counts too. */
    private static LocalDate day(DatePicker picker) {
        String typed = picker.getEditor().getText();
        if (typed != null && !typed.isBlank()) {
            try {
                picker.setValue(picker.getConverter().fromString(typed));
            } catch (RuntimeException unreadable) {
                picker.getEditor().setText(picker.getConverter().toString(picker.getValue()));
            }
        } else {
            picker.setValue(null);
        }
        return picker.getValue();
    }

    private java.time.Instant dayStart(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private static Node labelled(ConsoleContext context, String key, String id, javafx.scene.control.Control control) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("muted");
        label.setLabelFor(control);
        control.setId(id);
        control.setAccessibleText(context.text(key));
        return new VBox(2, label, control);
    }

    ComboBox<Optional<AuditActivity>> activity() {
        return activity;
    }

    ComboBox<Optional<AuditResult>> result() {
        return result;
    }

    /** A list cell showing {@code name} of its item. */
    private static final class NamedCell<T> extends ListCell<T> {
        private final java.util.function.Function<T, String> name;

        NamedCell(java.util.function.Function<T, String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : name.apply(item));
        }
    }
}
