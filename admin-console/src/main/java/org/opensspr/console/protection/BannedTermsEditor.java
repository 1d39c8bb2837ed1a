package org.opensspr.console.protection;

import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.opensspr.console.ConsoleContext;
import org.opensspr.password.CustomBannedTerms;

import java.io.File;
import java.util.Locale;

/** The custom banned list: filter, add, remove, and import from a text file; terms the validator refused are marked. */
final class BannedTermsEditor extends VBox {
    private final ProtectionPaneModel model;
    private final ConsoleContext context;
    private final ListView<String> list;
    private final TextField newTerm = new TextField();
    private final Label status = new Label();
    private final HBox editRow;

    BannedTermsEditor(ProtectionPaneModel model, ConsoleContext context) {
        super(8);
        this.model = model;
        this.context = context;
        TextField filter = new TextField();
        filter.setId("termFilter");
        filter.setPromptText(context.text("protection.terms.filter.prompt"));
        filter.setAccessibleText(context.text("protection.terms.filter"));
        FilteredList<String> shown = new FilteredList<>(model.terms());
        filter.textProperty().addListener((o, was, now) -> {
            String part = now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(part.isEmpty() ? null : term -> term.toLowerCase(Locale.ROOT).contains(part));
        });

        list = new ListView<>(shown);
        list.setId("bannedTerms");
        list.setAccessibleText(context.text("protection.terms"));
        list.setPrefHeight(180);
        list.setPlaceholder(new Label(context.text("protection.terms.empty")));
        list.setCellFactory(view -> new TermCell());
        list.setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && model.editableProperty().get()) {
                removeSelected();
            }
        });
        model.problems().addListener((MapChangeListener<String, String>) change -> list.refresh());

        newTerm.setId("newTerm");
        newTerm.setPromptText(context.text("protection.terms.new.prompt"));
        newTerm.setAccessibleText(context.text("protection.terms.new"));
        HBox.setHgrow(newTerm, Priority.ALWAYS);
        Button add = new Button(context.text("protection.terms.add"));
        add.setId("addTerm");
        add.disableProperty().bind(newTerm.textProperty().isEmpty());
        add.setOnAction(e -> addTyped());
        newTerm.setOnAction(e -> addTyped());
        Button remove = new Button(context.text("protection.terms.remove"));
        remove.setId("removeTerm");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        Button importFile = new Button(context.text("protection.terms.import"));
        importFile.setId("importTerms");
        importFile.setOnAction(e -> chooseAndImport());
        editRow = new HBox(8, newTerm, add, remove, importFile);
        // an invalidation listener: two imports with equal counts must both be reported
        model.lastImportProperty().addListener(o -> showImported(model.lastImportProperty().get()));

        Label count = new Label();
        count.setId("termCount");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> context.text("protection.terms.count",
                model.terms().size(), CustomBannedTerms.MAX_TERMS), model.terms()));
        status.setId("termsStatus");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        HBox filterRow = new HBox(8, filter, count);
        filterRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(filter, Priority.ALWAYS);
        getChildren().addAll(filterRow, list, editRow, status);
    }

    ListView<String> list() {
        return list;
    }

    /** What a role without MANAGE_POLICY can't use; the list and the filter stay for reading. */
    Node editingControls() {
        return editRow;
    }

    private void addTyped() {
        String typed = newTerm.getText();
        switch (model.addTerm(typed)) {
            case ADDED -> {
                newTerm.clear();
                status.setText(context.text("protection.terms.added", typed.strip()));
            }
            case DUPLICATE -> status.setText(context.text("protection.terms.duplicate", typed.strip()));
            case EMPTY -> status.setText("");
        }
    }

    private void removeSelected() {
        String selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.terms().remove(selected);
            status.setText(context.text("protection.terms.removed", selected));
        }
    }

    private void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.text("protection.terms.import.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(context.text("protection.terms.import.textFiles"), "*.txt"),
                new FileChooser.ExtensionFilter(context.text("protection.terms.import.allFiles"), "*"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        status.setText(context.text("common.working"));
        // Reading a file can be slow (network drives): off the FX thread, like server calls.
        context.background().run(() -> BannedTermsImport.readTerms(file.toPath()),
                model::addImported,
                failure -> status.setText(failure instanceof BannedTermsImport.UnreadableFileException u
                        ? context.text(u.tooBig() ? "protection.terms.import.tooBig" : "protection.terms.import.notUtf8")
                        : context.text("protection.terms.import.failed", file.getName())));
    }

    private void showImported(BannedTermsImport.Result result) {
        if (result == null) {
            return;
        }
        status.setText(context.text("protection.terms.imported", result.added(), result.duplicates(),
                result.wrongLength(), result.overLimit(), CustomBannedTerms.MIN_TERM_LENGTH,
                CustomBannedTerms.MAX_TERM_LENGTH, CustomBannedTerms.MAX_TERMS));
    }

    /** A term; marked with the validator's reason when it has a problem. */
    private final class TermCell extends ListCell<String> {
        @Override
        protected void updateItem(String term, boolean empty) {
            super.updateItem(term, empty);
            getStyleClass().remove("invalid-term");
            setTooltip(null);
            if (empty || term == null) {
                setText(null);
                setAccessibleText(null);
                return;
            }
            setText(term);
            int index = model.terms().indexOf(term);
            String reason = model.problems().get(ProtectionPaneModel.TERMS_FIELD + "[" + index + "]");
            if (reason != null) {
                getStyleClass().add("invalid-term");
                setTooltip(new Tooltip(reason));
                setAccessibleText(term + ", " + reason);
            } else {
                setAccessibleText(term);
            }
        }
    }
}
