package org.opensspr.console.kiosks;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.dialogs.ShownOnceDialog;
import org.opensspr.console.paging.LoadingPlaceholder;
import org.opensspr.console.policy.PaneText;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

/**
 * Kiosks: every enrolled kiosk with its state and where it was last seen; enroll a new one (its one-time code
 * shown once) or revoke one. A role that can't manage kiosks sees why, and the actions greyed out.
 */
public final class KiosksView extends VBox {
    private final KiosksModel model;
    private final ConsoleContext context;
    private final DateTimeFormatter when;
    private final DateTimeFormatter shortWhen;
    private final TableView<KioskDto> table = new TableView<>();

    public KiosksView(KiosksModel model, ConsoleContext context) {
        super(8);
        this.model = model;
        this.context = context;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(context.messages().locale()).withZone(ZoneId.systemDefault());
        this.shortWhen = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(context.messages().locale()).withZone(ZoneId.systemDefault());
        getStyleClass().addAll("policy-pane", "kiosks-view");
        Label title = new Label(context.text("kiosks.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = PaneText.note(context.text("kiosks.subtitle"));
        subtitle.setMinHeight(Region.USE_PREF_SIZE); // whole, however the table grows
        getChildren().addAll(title, subtitle);

        Button enroll = new Button(context.text("kiosks.enroll"));
        enroll.setId("enrollKiosk");
        enroll.setOnAction(e -> enroll());
        Button revoke = new Button(context.text("kiosks.revoke"));
        revoke.setId("revokeKiosk");
        revoke.setOnAction(e -> revoke(table.getSelectionModel().getSelectedItem()));
        if (model.notAllowed() != null) {
            enroll.setDisable(true);
            revoke.setDisable(true);
            Label note = new Label(model.notAllowed());
            note.setId("kiosksNotAllowed");
            note.getStyleClass().add("read-only-note");
            note.setWrapText(true);
            note.setMaxWidth(Double.MAX_VALUE);
            note.setMinHeight(Region.USE_PREF_SIZE);
            getChildren().add(note);
        } else {
            enroll.disableProperty().bind(context.background().busyProperty());
            revoke.disableProperty().bind(context.background().busyProperty().or(Bindings.createBooleanBinding(() -> {
                KioskDto chosen = table.getSelectionModel().getSelectedItem();
                return chosen == null || chosen.status() == KioskDto.Status.REVOKED;
            }, table.getSelectionModel().selectedItemProperty())));
        }
        Label outcome = new Label();
        outcome.setId("kiosksOutcome");
        outcome.setWrapText(true);
        outcome.getStyleClass().add("muted");
        outcome.textProperty().bind(model.outcomeProperty());
        HBox actions = new HBox(8, enroll, revoke, outcome);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.setId("kiosksTable");
        table.setAccessibleText(context.text("kiosks.table"));
        table.setPlaceholder(model.notAllowed() == null
                ? LoadingPlaceholder.of(context.text("kiosks.loading"), model.statusProperty())
                : new Label(context.text("kiosks.hidden")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("kiosks.column.name", 160, KioskDto::name),
                column("kiosks.column.device", 110, k -> orDash(k.deviceName())),
                column("kiosks.column.status", 165, k -> context.text("kiosks.status." + k.status().name())),
                column("kiosks.column.network", 95, k -> orDash(k.lastSeenAddress())),
                column("kiosks.column.lastSeen", 135, k -> k.lastSeenAt() == null ? context.text("kiosks.never")
                        : shortWhen.format(k.lastSeenAt())),
                column("kiosks.column.created", 200, k -> context.text("kiosks.created",
                        shortWhen.format(k.createdAt()), k.createdBy()))));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(KioskDto kiosk, boolean empty) {
                super.updateItem(kiosk, empty);
                // Narrow columns cut long names short: the whole record is one hover (or screen reader) away.
                String whole = kiosk == null ? null : whole(kiosk);
                setAccessibleText(whole);
                setTooltip(whole == null ? null : new javafx.scene.control.Tooltip(whole));
            }
        });
        model.rowsProperty().addListener((o, was, now) -> table.setItems(now));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label status = new Label();
        status.setId("kiosksStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(actions, table, status);
        model.reload();
    }

    private void enroll() {
        new EnrollKioskDialog(context, getScene().getWindow()).showAndWait().ifPresent(name ->
                model.enroll(name, this::showCode));
    }

    private void showCode(KioskEnrollmentCodeDto created) {
        new ShownOnceDialog(context, "kiosks.code", created.code(), context.text("kiosks.code.until",
                created.kioskName(), time(created.expiresAt())), "kiosks.code.once", getScene().getWindow()).show();
    }

    private void revoke(KioskDto kiosk) {
        if (kiosk == null) {
            return;
        }
        ButtonType go = new ButtonType(context.text("kiosks.confirm.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, context.text("kiosks.confirm.text", kiosk.name()), go, cancel);
        alert.setTitle(context.text("kiosks.confirm.go"));
        alert.setHeaderText(context.text("kiosks.confirm.header", kiosk.name()));
        alert.getDialogPane().setId("confirmDialog");
        alert.initOwner(getScene().getWindow());
        // Revoking can't be undone: Enter cancels.
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        if (alert.showAndWait().filter(go::equals).isPresent()) {
            model.revoke(kiosk);
        }
    }

    /** Everything the row says, unabridged. */
    private String whole(KioskDto kiosk) {
        return context.text("kiosks.row", kiosk.name(), orDash(kiosk.deviceName()),
                context.text("kiosks.status." + kiosk.status().name()), orDash(kiosk.lastSeenAddress()),
                kiosk.lastSeenAt() == null ? context.text("kiosks.never") : time(kiosk.lastSeenAt()),
                time(kiosk.createdAt()), kiosk.createdBy());
    }

    private TableColumn<KioskDto, String> column(String titleKey, double width, Function<KioskDto, String> value) {
        TableColumn<KioskDto, String> column = new TableColumn<>(context.text(titleKey));
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 120)); // a narrow window elides, never crushes, a column
        column.setSortable(false); // the server orders by name
        column.setReorderable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue() == null ? ""
                : value.apply(cell.getValue())));
        return column;
    }

    private String time(Instant instant) {
        return when.format(instant);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    public KiosksModel model() {
        return model;
    }

    public TableView<KioskDto> table() {
        return table;
    }
}
