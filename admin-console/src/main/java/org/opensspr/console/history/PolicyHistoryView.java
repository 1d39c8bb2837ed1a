package org.opensspr.console.history;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.util.List;
import java.util.function.Function;

/**
 * Policy history: versions with author and time, page by page; a side-by-side diff of the chosen versions;
 * and, for roles that may change the policy, rollback to a chosen version (asked first).
 */
public final class PolicyHistoryView extends VBox {
    private final PolicyHistoryModel model;
    private final ConsoleContext context;
    private final VersionsTable versions;
    private final DiffTable diff;
    private final Label diffTitle = new Label();

    /**
     * @param readOnlyReason why this role can't roll back, or null when it can
     * @param paneOf         the navigation name of the pane owning a field path, or null
     */
    public PolicyHistoryView(PolicyHistoryModel model, ConsoleContext context, String readOnlyReason,
                             Function<String, String> paneOf) {
        super(12);
        this.model = model;
        this.context = context;
        getStyleClass().addAll("policy-pane", "history-view");
        Label title = new Label(context.text("history.title"));
        title.getStyleClass().add("pane-title");
        getChildren().addAll(title, PaneText.note(context.text("history.subtitle")));
        if (readOnlyReason != null) {
            Label note = new Label(readOnlyReason);
            note.setId("historyReadOnly");
            note.getStyleClass().add("read-only-note");
            note.setMaxWidth(Double.MAX_VALUE);
            getChildren().add(note);
        }

        versions = new VersionsTable(model, context);
        VBox.setVgrow(versions, Priority.ALWAYS);
        diff = new DiffTable(context, paneOf);
        VBox.setVgrow(diff, Priority.ALWAYS);
        diffTitle.setId("diffTitle");
        diffTitle.getStyleClass().add("section-title");
        diffTitle.setWrapText(true);

        Label status = new Label();
        status.setId("historyStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        model.failedProperty().addListener((o, was, now) -> status.getStyleClass().setAll(now ? List.of("label", "field-error")
                : List.of("label", "muted")));

        getChildren().addAll(PaneText.section(context.text("history.versions")),
                PaneText.note(context.text("history.versions.help")), versions,
                actions(readOnlyReason == null), diffTitle, diff, status);

        // When the window is short the tables give way, not the texts (a wrapped label would be cut to one line).
        getChildren().stream().filter(Label.class::isInstance).forEach(l -> ((Label) l).setMinHeight(Region.USE_PREF_SIZE));
        versions.getSelectionModel().getSelectedItems().addListener((ListChangeListener<PolicyVersionSummaryDto>) c -> {
            model.compare(versions.selectedVersions());
            showDiff();
        });
        model.diffProperty().addListener((o, was, now) -> showDiff());
        model.versions().addListener((ListChangeListener<PolicyVersionSummaryDto>) c -> versions.refresh());
        showDiff();
        model.loadPage(0);
    }

    private HBox actions(boolean mayRollback) {
        Button newer = new Button(context.text("history.page.newer"));
        newer.setId("newerVersions");
        newer.disableProperty().bind(model.pageProperty().isEqualTo(0));
        newer.setOnAction(e -> model.loadPage(model.pageProperty().get() - 1));
        Button older = new Button(context.text("history.page.older"));
        older.setId("olderVersions");
        older.disableProperty().bind(Bindings.createBooleanBinding(() ->
                        (long) (model.pageProperty().get() + 1) * PolicyHistoryModel.PAGE_SIZE >= model.totalProperty().get(),
                model.pageProperty(), model.totalProperty()));
        older.setOnAction(e -> model.loadPage(model.pageProperty().get() + 1));
        Label range = new Label();
        range.setId("versionRange");
        range.getStyleClass().add("muted");
        range.textProperty().bind(Bindings.createStringBinding(() -> {
            long first = (long) model.pageProperty().get() * PolicyHistoryModel.PAGE_SIZE + 1;
            long last = Math.min(model.totalProperty().get(), first + model.versions().size() - 1);
            return model.totalProperty().get() == 0 ? "" : context.text("history.page.range", first, last,
                    model.totalProperty().get());
        }, model.pageProperty(), model.totalProperty(), model.versions()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, newer, older, range, spacer);
        row.setAlignment(Pos.CENTER_LEFT);
        if (mayRollback) {
            Button rollback = new Button(context.text("history.rollback"));
            rollback.setId("rollbackButton");
            rollback.getStyleClass().add("danger");
            rollback.disableProperty().bind(Bindings.createBooleanBinding(() -> rollbackTarget() == null,
                    versions.getSelectionModel().getSelectedItems(), context.background().busyProperty()));
            rollback.setOnAction(e -> confirmRollback());
            row.getChildren().add(rollback);
        }
        return row;
    }

    /** The one selected version, when it isn't the version in force already. */
    private PolicyVersionSummaryDto rollbackTarget() {
        List<PolicyVersionSummaryDto> selected = versions.getSelectionModel().getSelectedItems();
        if (context.background().isBusy() || selected.size() != 1 || selected.getFirst().version() == model.currentVersion()) {
            return null;
        }
        return selected.getFirst();
    }

    private void confirmRollback() {
        PolicyVersionSummaryDto target = rollbackTarget();
        if (target == null) {
            return;
        }
        boolean unsaved = model.hasUnsavedChanges();
        ButtonType go = new ButtonType(context.text(unsaved ? "history.rollback.dropAndGo" : "history.rollback.go"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("history.rollback.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        String text = context.text("history.rollback.text", target.version(), model.currentVersion() + 1);
        Alert alert = new Alert(unsaved ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION,
                unsaved ? context.text("history.rollback.unsaved") + "\n\n" + text : text, go, cancel);
        alert.setTitle(context.text("history.rollback"));
        alert.setHeaderText(context.text(unsaved ? "history.rollback.headerUnsaved" : "history.rollback.header",
                target.version()));
        alert.getDialogPane().setId("rollbackDialog");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        // Cancel is the default: rolling back is the choice that needs a deliberate click.
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        if (alert.showAndWait().filter(go::equals).isPresent()) {
            model.rollback(target.version());
        }
    }

    private void showDiff() {
        var shown = model.diffProperty().get();
        diff.show(shown, model.currentVersion());
        List<Integer> selected = versions.selectedVersions();
        if (shown != null) {
            diffTitle.setText(context.text("history.diff.title", shown.fromVersion(), shown.toVersion(),
                    shown.changes().size()));
        } else if (selected.size() == 1 && selected.getFirst() == model.currentVersion()) {
            diffTitle.setText(context.text("history.diff.current", model.currentVersion()));
        } else if (selected.size() > 2) {
            diffTitle.setText(context.text("history.diff.tooMany"));
        } else {
            diffTitle.setText(context.text("history.diff"));
        }
    }
}
