package org.opensspr.console.users;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;
import org.opensspr.console.users.ImportUsersModel.Stage;

import java.io.File;
import java.util.function.Function;

/** "Import users": choose a CSV file, import it with its progress shown, and read every problem by line. */
final class ImportUsersDialog extends Dialog<Void> {

    ImportUsersDialog(ConsoleContext context, ImportUsersModel model, String columns, Window owner) {
        initOwner(owner);
        setTitle(context.text("import.title"));
        setHeaderText(context.text("import.header"));
        getDialogPane().setId("importDialog");
        ButtonType importType = new ButtonType(context.text("import.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType closeType = new ButtonType(context.text("import.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(importType, closeType);
        Button importButton = (Button) getDialogPane().lookupButton(importType);
        importButton.setId("importGo");
        Button close = (Button) getDialogPane().lookupButton(closeType);
        close.setId("importClose");
        // Import keeps the dialog open: the answer (or the problems) shows here.
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.start();
        });
        importButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.mayStart(),
                model.stageProperty(), model.fileProperty()));
        importButton.setDefaultButton(true);
        // Closing mid-upload would leave the outcome unseen; the upload is bounded, so the wait is short.
        close.disableProperty().bind(model.stageProperty().isEqualTo(Stage.SENDING)
                .or(model.stageProperty().isEqualTo(Stage.CHECKING)));

        Button choose = new Button(context.text("import.choose"));
        choose.setId("importChoose");
        choose.disableProperty().bind(close.disableProperty());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(context.text("import.chooser.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(context.text("import.chooser.csv"), "*.csv", "*.CSV", "*.txt"),
                    new FileChooser.ExtensionFilter(context.text("import.chooser.all"), "*"));
            File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                model.choose(chosen.toPath());
            }
        });
        Label file = new Label();
        file.setId("importFile");
        file.textProperty().bind(model.fileProperty());
        HBox fileRow = new HBox(10, choose, file);
        fileRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.setAccessibleText(context.text("import.progress"));
        progress.visibleProperty().bind(model.stageProperty().isNotEqualTo(Stage.NO_FILE));
        Label status = new Label();
        status.setId("importStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        Runnable statusStyle = () -> status.getStyleClass().setAll("label", model.failedProperty().get() ? "field-error"
                : model.stageProperty().get() == Stage.IMPORTED ? "success-text" : "muted");
        model.failedProperty().addListener(o -> statusStyle.run());
        model.stageProperty().addListener(o -> statusStyle.run());
        statusStyle.run();

        TableView<ImportRowErrorDto> problems = new TableView<>(model.problems());
        problems.setId("importProblems");
        problems.setAccessibleText(context.text("import.problems"));
        Label none = new Label(context.text("import.problems.none"));
        none.setWrapText(true);
        none.getStyleClass().add("pane-subtitle");
        problems.setPlaceholder(none);
        problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ImportRowErrorDto, Integer> line = new TableColumn<>(context.text("import.column.line"));
        line.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        line.setMinWidth(50);
        line.setPrefWidth(56);
        problems.getColumns().setAll(java.util.List.of(line,
                text(context.text("import.column.column"), ImportRowErrorDto::column, 120),
                wrapped(text(context.text("import.column.problem"), ImportRowErrorDto::message, 360))));
        problems.setPrefHeight(220);
        Button copy = new Button(context.text("import.copyReport"));
        copy.setId("importCopy");
        Label copied = new Label();
        copied.getStyleClass().add("muted");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.report());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(context.text("import.copied"));
        });
        copy.disableProperty().bind(Bindings.isEmpty(model.problems()));
        model.problems().addListener((javafx.collections.ListChangeListener<ImportRowErrorDto>) c -> copied.setText(""));
        // The report keeps its place, so the dialog doesn't jump when problems arrive.
        VBox report = new VBox(6, problems, new HBox(10, copy, copied));
        report.setId("importReport");
        VBox.setVgrow(problems, Priority.ALWAYS);
        VBox.setVgrow(report, Priority.ALWAYS);

        Label note = PaneText.note(context.text("import.note", columns));
        note.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(12, note, fileRow, progress, status, report);
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(760, 600);
        setResizable(true);
        setResultConverter(button -> null);
    }

    /** A problem can be long: its cell wraps, and its tooltip (and the copied report) hold it whole. */
    private static TableColumn<ImportRowErrorDto, String> wrapped(TableColumn<ImportRowErrorDto, String> column) {
        column.setCellFactory(c -> {
            TableCell<ImportRowErrorDto, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    setTooltip(empty || item == null ? null : new Tooltip(item));
                }
            };
            cell.setWrapText(true);
            cell.setMinHeight(Region.USE_PREF_SIZE);
            return cell;
        });
        return column;
    }

    private static TableColumn<ImportRowErrorDto, String> text(String title, Function<ImportRowErrorDto, String> value,
                                                               double width) {
        TableColumn<ImportRowErrorDto, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
