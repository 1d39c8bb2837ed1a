package org.opensspr.console.onprem;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.ServerCheckDto;
import org.opensspr.api.WritebackStatusDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.console.policy.YesNo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * On-premises integration: where writeback stands (the directory the server is configured with, the last writeback
 * and the last failure), "Test connection" on demand, and the two policy settings.
 */
public final class OnPremisesPane extends PolicyPaneView<OnPremisesPaneModel> {
    private final DirectoryStatusModel directory;
    private final DateTimeFormatter when;
    private final DateTimeFormatter day;
    private final Label connection = new Label();
    private final Label notConfigured = new Label();
    private final VBox writebacks = new VBox(4);
    private final VBox results = new VBox(4);
    private final DirectorySyncModel sync;
    private final Label syncRun = new Label();
    private final VBox syncChanges = new VBox(2);

    public OnPremisesPane(OnPremisesPaneModel model, ConsoleContext context, DirectoryStatusModel directory,
                          DirectorySyncModel sync) {
        super(model, context, "onprem.title", "onprem.subtitle");
        this.directory = directory;
        this.sync = sync;
        when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(context.messages().locale()).withZone(ZoneId.systemDefault());
        day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(context.messages().locale())
                .withZone(ZoneId.systemDefault());
        YesNo writeback = new YesNo(context, model.writebackProperty(), "onprem.writeback");
        YesNo unlock = new YesNo(context, model.unlockWithoutResetProperty(), "onprem.unlock");
        editableOnly(writeback, unlock);
        unlock.disableProperty().unbind();
        unlock.disableProperty().bind(model.editableProperty().not().or(model.writebackProperty().not()));

        connection.setId("onpremStatus");
        connection.setWrapText(true);
        connection.setMaxWidth(Double.MAX_VALUE);
        notConfigured.setId("onpremNotConfigured");
        notConfigured.setText(context.text("onprem.status.writebackWithoutDirectory"));
        notConfigured.getStyleClass().add("field-error");
        notConfigured.setWrapText(true);
        notConfigured.managedProperty().bind(notConfigured.visibleProperty());
        notConfigured.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.writebackProperty().get()
                        && directory.statusProperty().get() != null && !directory.statusProperty().get().configured(),
                model.writebackProperty(), directory.statusProperty()));
        writebacks.setId("onpremWritebacks");

        content.getChildren().addAll(section(context.text("onprem.status")), connection, notConfigured, writebacks,
                testRow(), results,
                section(context.text("onprem.sync")), note(context.text("onprem.sync.help")), syncButtons(), syncRun,
                syncChanges,
                section(context.text("onprem.settings")),
                writeback, note(context.text("onprem.writeback.help")),
                unlock, note(context.text("onprem.unlock.help")));

        directory.statusProperty().addListener((o, was, now) -> {
            showStatus();
            showSync();
            // A server without a directory has no sync to ask about.
            if (now != null && now.configured() && sync.runProperty().get() == null) {
                sync.load();
            }
        });
        directory.statusFailureProperty().addListener((o, was, now) -> showStatus());
        directory.testProperty().addListener((o, was, now) -> showTest());
        directory.testFailureProperty().addListener((o, was, now) -> showTest());
        sync.runProperty().addListener((o, was, now) -> showSync());
        sync.failureProperty().addListener((o, was, now) -> showSync());
        sync.changesProperty().addListener((o, was, now) -> showSync());
        showStatus();
        showSync();
        directory.load();
    }

    private VBox syncButtons() {
        Button delta = syncButton("onpremSyncDelta", "onprem.sync.delta", DirectorySyncMode.DELTA, false);
        Button full = syncButton("onpremSyncFull", "onprem.sync.full", DirectorySyncMode.FULL, false);
        Button preview = syncButton("onpremSyncPreview", "onprem.sync.preview", DirectorySyncMode.FULL, true);
        ProgressIndicator running = new ProgressIndicator();
        running.setPrefSize(20, 20);
        running.visibleProperty().bind(sync.runningProperty());
        HBox row = new HBox(8, delta, full, preview, running);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row);
        if (!sync.mayRead()) {
            box.getChildren().add(note(context.text("onprem.sync.cannotRead")));
        } else if (!sync.mayStart()) {
            box.getChildren().add(note(context.text("onprem.sync.notAllowed")));
        }
        return box;
    }

    private Button syncButton(String id, String key, DirectorySyncMode mode, boolean dryRun) {
        Button button = new Button(context.text(key));
        button.setId(id);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !sync.mayStart()
                        || sync.runningProperty().get() || directory.statusProperty().get() == null
                        || !directory.statusProperty().get().configured(),
                sync.runningProperty(), directory.statusProperty()));
        button.setOnAction(e -> sync.start(mode, dryRun));
        return button;
    }

    private void showSync() {
        syncRun.setId("onpremSyncRun");
        syncRun.setWrapText(true);
        syncRun.setMaxWidth(Double.MAX_VALUE);
        syncChanges.setId("onpremSyncChanges");
        String failure = sync.failureProperty().get();
        WritebackStatusDto status = directory.statusProperty().get();
        boolean connected = status != null && status.configured();
        syncRun.setText(!failure.isEmpty() ? failure : sync.mayRead() && connected
                ? DirectorySyncWords.run(context, when, sync.runProperty().get()) : "");
        syncChanges.getChildren().setAll(DirectorySyncWords.changes(context, sync.changesProperty().get()).stream()
                .map(line -> wrapped(line, "onprem-sync-change")).toList());
    }

    private VBox testRow() {
        TextField user = new TextField();
        user.setId("onpremTestUser");
        user.setPromptText(context.text("onprem.test.user.prompt"));
        user.setAccessibleText(context.text("onprem.test.user.prompt"));
        user.textProperty().bindBidirectional(directory.testUserProperty());
        HBox.setHgrow(user, Priority.ALWAYS);
        user.setMaxWidth(420);
        Button test = new Button(context.text("onprem.test"));
        test.setId("onpremTestButton");
        test.disableProperty().bind(Bindings.createBooleanBinding(() -> !directory.mayTest()
                        || directory.testingProperty().get() || directory.statusProperty().get() == null
                        || !directory.statusProperty().get().configured(),
                directory.testingProperty(), directory.statusProperty()));
        test.setOnAction(e -> directory.test());
        user.setOnAction(e -> {
            if (!test.isDisabled()) {
                directory.test();
            }
        });
        ProgressIndicator running = new ProgressIndicator();
        running.setPrefSize(20, 20);
        running.visibleProperty().bind(directory.testingProperty());
        HBox row = new HBox(8, user, test, running);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row);
        if (!directory.mayTest()) {
            box.getChildren().add(note(context.text("onprem.test.notAllowed")));
        }
        return box;
    }

    private void showStatus() {
        WritebackStatusDto status = directory.statusProperty().get();
        connection.setText(DirectoryStatusWords.connection(context, status, directory.statusFailureProperty().get()));
        writebacks.getChildren().setAll(DirectoryStatusWords.writebacks(context, when, status).stream()
                .map(line -> wrapped(line, "onprem-writeback")).toList());
    }

    private void showTest() {
        results.getChildren().clear();
        results.setId("onpremTestResult");
        String failure = directory.testFailureProperty().get();
        if (!failure.isEmpty()) {
            Label failed = wrapped(failure, "field-error");
            results.getChildren().add(failed);
            return;
        }
        ConnectionTestDto test = directory.testProperty().get();
        if (test == null) {
            return;
        }
        results.getChildren().add(wrapped(DirectoryStatusWords.verdict(context, test),
                test.ok() ? "score-pass" : "score-fail"));
        for (ServerCheckDto server : test.servers()) {
            results.getChildren().add(wrapped(DirectoryStatusWords.server(context, day, server),
                    server.problem() == null ? "success-text" : "field-error"));
        }
        List<String> user = DirectoryStatusWords.testUser(context, test.testUser());
        for (int i = 0; i < user.size(); i++) {
            Label line = wrapped(user.get(i), "onprem-user");
            // The rights sit under the user they were read on.
            line.setPadding(new Insets(0, 0, 0, i == 0 ? 0 : 18));
            results.getChildren().add(line);
        }
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
