package org.opensspr.console.audit;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opensspr.api.AuditEventDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.time.format.DateTimeFormatter;

/**
 * The chosen event, every field of it, in read-only text fields: an administrator selects and copies an actor or
 * the details into a ticket without retyping them.
 */
final class AuditEventDetail extends VBox {
    private final ConsoleContext context;
    private final DateTimeFormatter when;

    AuditEventDetail(ConsoleContext context, DateTimeFormatter when) {
        super(6);
        this.context = context;
        this.when = when;
        setId("auditDetail");
        getStyleClass().add("audit-detail");
        show(null);
    }

    void show(AuditEventDto event) {
        if (event == null) {
            getChildren().setAll(PaneText.note(context.text("audit.detail.none")));
            return;
        }
        Label title = new Label(event.activity().entraName());
        title.setId("auditDetailTitle");
        title.setWrapText(true);
        title.getStyleClass().add("section-title");
        // Two pairs a row, the details beside them: the pane sits under the list and keeps the table tall.
        GridPane facts = new GridPane(10, 4);
        facts.addRow(0, name("audit.detail.id"), value("auditDetailId", "audit.detail.id", String.valueOf(event.id())),
                name("audit.detail.time"), value("auditDetailTime", "audit.detail.time",
                        when.format(event.occurredAt()) + "  (" + event.occurredAt() + ")"));
        facts.addRow(1, name("audit.detail.actor"), value("auditDetailActor", "audit.detail.actor", event.actor()),
                name("audit.detail.target"), value("auditDetailTarget", "audit.detail.target", event.target()));
        facts.addRow(2, name("audit.detail.result"), value("auditDetailResult", "audit.detail.result",
                        context.text("audit.result." + event.result().name())),
                name("audit.detail.kiosk"), value("auditDetailKiosk", "audit.detail.kiosk",
                        event.kioskId() == null ? "" : event.kioskId()));
        TextField reason = value("auditDetailReason", "audit.detail.reason", event.failureReason());
        facts.addRow(3, name("audit.detail.reason"), reason);
        GridPane.setColumnSpan(reason, 3);
        TextArea details = new TextArea(event.details());
        details.setId("auditDetailDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(4);
        details.getStyleClass().add("audit-details");
        details.setAccessibleText(context.text("audit.detail.details"));
        VBox.setVgrow(details, Priority.ALWAYS);
        VBox detailsBox = new VBox(4, name("audit.detail.details"), details);
        HBox.setHgrow(facts, Priority.ALWAYS);
        HBox.setHgrow(detailsBox, Priority.ALWAYS);
        detailsBox.setPrefWidth(260);
        getChildren().setAll(title, new HBox(16, facts, detailsBox));
    }

    private Label name(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("muted");
        label.setMinWidth(Region.USE_PREF_SIZE); // a field's name is never cut short
        return label;
    }

    private TextField value(String id, String key, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false); // read-only, yet selectable and copyable
        field.setAccessibleText(context.text(key));
        field.setPrefColumnCount(16);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }
}
