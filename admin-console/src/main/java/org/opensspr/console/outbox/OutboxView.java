package org.opensspr.console.outbox;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

/**
 * Outbox: what the embedded default "sent" — mail, texts, calls and app notifications — newest first, and the
 * chosen message beside the list as its recipient gets it (for mail, the text part).
 */
public final class OutboxView extends SplitPane {
    private final OutboxModel model;
    private final ConsoleContext context;
    private final DateTimeFormatter when;
    private final DateTimeFormatter shortWhen;
    private final TableView<OutboxMessageDto> table = new TableView<>();
    private final VBox message = new VBox(8);

    public OutboxView(OutboxModel model, ConsoleContext context) {
        this.model = model;
        this.context = context;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(context.messages().locale()).withZone(ZoneId.systemDefault());
        this.shortWhen = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(context.messages().locale()).withZone(ZoneId.systemDefault());
        Label title = new Label(context.text("outbox.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = PaneText.note(context.text("outbox.subtitle"));
        subtitle.setMinHeight(Region.USE_PREF_SIZE); // whole, however the table grows
        VBox list = new VBox(8, title, subtitle);
        list.getStyleClass().add("policy-pane");

        Button refresh = new Button(context.text("outbox.refresh"));
        refresh.setId("outboxRefresh");
        refresh.setOnAction(e -> model.reload());
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        if (model.notAllowed() != null) {
            refresh.setDisable(true);
            Label note = new Label(model.notAllowed());
            note.setId("outboxNotAllowed");
            note.getStyleClass().add("read-only-note");
            note.setWrapText(true);
            note.setMaxWidth(Double.MAX_VALUE);
            note.setMinHeight(Region.USE_PREF_SIZE);
            list.getChildren().add(note);
        } else {
            refresh.disableProperty().bind(context.background().busyProperty());
        }

        table.setId("outboxTable");
        table.setAccessibleText(context.text("outbox.table"));
        Label placeholder = new Label();
        placeholder.setId("outboxPlaceholder");
        placeholder.setWrapText(true);
        placeholder.setPadding(new javafx.geometry.Insets(24));
        placeholder.textProperty().bind(model.placeholderProperty());
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("outbox.column.when", 145, 145, m -> shortWhen.format(m.createdAt())),
                column("outbox.column.channel", 82, 82, this::channel),
                column("outbox.column.to", 100, 170, OutboxMessageDto::recipient),
                column("outbox.column.subject", 100, 200, this::subject)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(OutboxMessageDto item, boolean empty) {
                super.updateItem(item, empty);
                setAccessibleText(item == null ? null : channel(item) + ", " + item.recipient() + ", " + subject(item));
            }
        });
        model.rowsProperty().addListener((o, was, now) -> table.setItems(now));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> render(now));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label status = new Label();
        status.setId("outboxStatus");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(12, refresh, status);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        list.getChildren().addAll(table, bar);

        message.setId("outboxMessage");
        message.getStyleClass().add("policy-pane");
        render(null);
        setOrientation(Orientation.HORIZONTAL);
        if (model.notAllowed() == null) {
            getItems().setAll(list, message);
            setDividerPositions(0.6);
        } else {
            getItems().setAll(list); // no message will be chosen
        }
        getStyleClass().add("outbox-view");
        model.reload();
    }

    /** The chosen message as its recipient gets it: subject, to whom, how, when, and the text. */
    private void render(OutboxMessageDto shown) {
        if (shown == null) {
            message.getChildren().setAll(PaneText.note(context.text("outbox.message.none")));
            return;
        }
        Label subject = new Label(subject(shown));
        subject.setId("outboxSubject");
        subject.setWrapText(true);
        subject.getStyleClass().add("section-title");
        GridPane facts = new GridPane(16, 4);
        facts.setId("outboxFacts");
        facts.addRow(0, muted("outbox.message.to"), value("outboxTo", shown.recipient()));
        facts.addRow(1, muted("outbox.message.channel"), value("outboxChannel", channel(shown)));
        facts.addRow(2, muted("outbox.message.when"), value("outboxWhen", when.format(shown.createdAt())));
        TextArea body = new TextArea(shown.body().isBlank() ? context.text("outbox.message.forgotten") : shown.body());
        body.setId("outboxBody");
        body.setEditable(false);
        body.setWrapText(true);
        body.setAccessibleText(context.text("outbox.message.body"));
        VBox.setVgrow(body, Priority.ALWAYS);
        message.getChildren().setAll(subject, facts, body);
    }

    private Node muted(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("muted");
        return label;
    }

    private static Node value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private String channel(OutboxMessageDto m) {
        return context.messages().has("outbox.channel." + m.channel()) ? context.text("outbox.channel." + m.channel())
                : m.channel();
    }

    /** Texts and calls have no subject: the channel stands in for it. */
    private String subject(OutboxMessageDto m) {
        return m.subject().isBlank() ? context.text("outbox.subject.none", channel(m)) : m.subject();
    }

    /** {@code minWidth}: what the column keeps in a narrow window (the time whole, the others readable). */
    private TableColumn<OutboxMessageDto, String> column(String titleKey, double minWidth, double width,
                                                         Function<OutboxMessageDto, String> value) {
        TableColumn<OutboxMessageDto, String> column = new TableColumn<>(context.text(titleKey));
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setSortable(false); // newest first, as the server pages it
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? ""
                : value.apply(cell.getValue())));
        return column;
    }

    public OutboxModel model() {
        return model;
    }

    public TableView<OutboxMessageDto> table() {
        return table;
    }
}
