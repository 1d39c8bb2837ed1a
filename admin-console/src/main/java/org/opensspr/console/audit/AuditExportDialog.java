package org.opensspr.console.audit;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.opensspr.api.AuditExportFormat;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * "Export the audit log": the format and the file, then the download's progress in the same dialog. Closing it
 * while the download runs cancels it (the partial file is deleted); a failed export can be tried again.
 */
final class AuditExportDialog extends Dialog<Void> {
    private final ConsoleContext context;
    private final Supplier<AuditExportJob> jobs;
    private final ToggleGroup format = new ToggleGroup();
    private final RadioButton jsonLines;
    private final RadioButton csv;
    private final TextField file = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private AuditExportJob job;

    AuditExportDialog(ConsoleContext context, Supplier<AuditExportJob> jobs, long expectedEvents, Window owner) {
        this.context = context;
        this.jobs = jobs;
        initOwner(owner);
        setTitle(context.text("audit.export.title"));
        setHeaderText(context.text("audit.export.title"));
        getDialogPane().setId("auditExportDialog");
        ButtonType export = new ButtonType(context.text("audit.export.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(context.text("audit.export.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(export, close);

        jsonLines = choice("auditExportJsonl", "audit.export.jsonl", AuditExportFormat.JSONL);
        csv = choice("auditExportCsv", "audit.export.csv", AuditExportFormat.CSV);
        format.selectToggle(jsonLines);
        file.setId("auditExportFile");
        file.setAccessibleText(context.text("audit.export.file"));
        file.setText(Path.of(System.getProperty("user.home"),
                AuditExportJob.defaultFileName(AuditExportFormat.JSONL, LocalDateTime.now())).toString());
        format.selectedToggleProperty().addListener((o, was, now) -> file.setText(withExtension(file.getText())));
        Button choose = new Button(context.text("audit.export.choose"));
        choose.setId("auditExportChoose");
        choose.setOnAction(e -> chooseFile());
        HBox.setHgrow(file, Priority.ALWAYS);
        Label fileLabel = new Label(context.text("audit.export.file"));
        fileLabel.setLabelFor(file);
        progress.setId("auditExportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setAccessibleText(context.text("audit.export.progressName"));
        progress.setVisible(false);
        message.setId("auditExportMessage");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // A longer message (a failure, the file's path) grows the dialog rather than being cut short.
        message.textProperty().addListener((o, was, now) -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        Label note = PaneText.note(expectedEvents < 0
                ? context.text("audit.export.noteUnknown") : context.text("audit.export.note", expectedEvents));
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(8, PaneText.section(context.text("audit.export.format")), new HBox(16, jsonLines, csv),
                fileLabel, new HBox(8, file, choose), note, progress, message);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        Button go = (Button) getDialogPane().lookupButton(export);
        go.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open to show the download
            start();
        });
        Button stop = (Button) getDialogPane().lookupButton(close);
        stop.addEventFilter(ActionEvent.ACTION, e -> {
            if (running()) {
                e.consume(); // closes once the download stopped and its file is gone
                job.cancel();
            }
        });
        file.textProperty().addListener((o, was, now) -> refresh());
        setOnCloseRequest(e -> {
            if (running()) {
                e.consume();
                job.cancel();
            }
        });
        setOnShown(e -> file.requestFocus());
        setResultConverter(button -> null);
        stop.setId("auditExportClose");
        go.setId("auditExportGo");
        refresh();
    }

    /** What the last export came to ("" when none ran), for the view to keep saying after the dialog closed. */
    String outcome() {
        return job == null ? "" : job.messageProperty().get();
    }

    /** Inputs and buttons as the download's state allows: nothing changes under a running download. */
    private void refresh() {
        boolean running = running();
        getDialogPane().lookupButton(getDialogPane().getButtonTypes().getFirst())
                .setDisable(running || file.getText().isBlank());
        ((Button) getDialogPane().lookupButton(getDialogPane().getButtonTypes().getLast()))
                .setText(context.text(running ? "audit.export.cancel" : "audit.export.close"));
        jsonLines.setDisable(running);
        csv.setDisable(running);
        file.setDisable(running);
    }

    private RadioButton choice(String id, String key, AuditExportFormat value) {
        RadioButton button = new RadioButton(context.text(key));
        button.setId(id);
        button.setUserData(value);
        button.setToggleGroup(format);
        return button;
    }

    private AuditExportFormat chosenFormat() {
        return (AuditExportFormat) format.getSelectedToggle().getUserData();
    }

    /** Swaps a .jsonl or .csv ending for the chosen format's; any other name is the administrator's to keep. */
    private String withExtension(String name) {
        String wanted = "." + chosenFormat().wire();
        for (AuditExportFormat f : AuditExportFormat.values()) {
            if (name.endsWith("." + f.wire())) {
                return name.substring(0, name.length() - f.wire().length() - 1) + wanted;
            }
        }
        return name;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("audit.export.title"));
        Path current = Path.of(file.getText().isBlank() ? System.getProperty("user.home") : file.getText());
        File folder = current.getParent() == null ? null : current.getParent().toFile();
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        chooser.setInitialFileName(current.getFileName().toString());
        File picked = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
        if (picked != null) {
            file.setText(picked.getPath());
        }
    }

    private boolean running() {
        return job != null && job.stateProperty().get() == AuditExportJob.State.RUNNING;
    }

    private void start() {
        if (running() || file.getText().isBlank()) {
            return;
        }
        job = jobs.get();
        progress.setVisible(true);
        progress.progressProperty().bind(job.progressProperty());
        message.textProperty().bind(job.messageProperty());
        job.stateProperty().addListener((o, was, now) -> {
            refresh();
            if (now == AuditExportJob.State.CANCELLED) {
                close(); // asked to close while it ran: the download is stopped and its file gone
            }
        });
        job.start(Path.of(file.getText().strip()), chosenFormat());
        refresh();
    }
}
