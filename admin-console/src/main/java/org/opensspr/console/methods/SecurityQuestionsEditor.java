package org.opensspr.console.methods;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckListView;
import org.opensspr.console.ConsoleContext;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.CustomQuestion;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.console.policy.PaneText;

import java.util.List;

/** Security questions: how many to register and to answer, the predefined list, and the custom-question editor. */
final class SecurityQuestionsEditor extends VBox {
    private boolean syncing;

    SecurityQuestionsEditor(MethodsPaneModel model, ConsoleContext context, MethodsPane pane) {
        super(10);
        ComboBox<Integer> toRegister = questionCount(context, "questionsToRegister", "questions.toRegister");
        toRegister.valueProperty().bindBidirectional(model.questionsToRegisterProperty());
        ComboBox<Integer> toReset = questionCount(context, "questionsToReset", "questions.toReset");
        toReset.valueProperty().bindBidirectional(model.questionsToResetProperty());
        GridPane counts = new GridPane(12, 8);
        counts.addRow(0, label(context, "questions.toRegister", toRegister), toRegister);
        counts.addRow(1, label(context, "questions.toReset", toReset), toReset);

        CheckListView<PredefinedQuestion> predefined = predefinedList(model, context);
        Button all = new Button(context.text("questions.predefined.all"));
        all.setId("predefinedAll");
        all.setOnAction(e -> predefined.getCheckModel().checkAll());
        Button none = new Button(context.text("questions.predefined.none"));
        none.setId("predefinedNone");
        none.setOnAction(e -> predefined.getCheckModel().clearChecks());

        ListView<CustomQuestion> custom = new ListView<>(model.custom());
        custom.setId("customQuestions");
        custom.setAccessibleText(context.text("questions.custom"));
        custom.setPrefHeight(120);
        custom.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CustomQuestion question, boolean empty) {
                super.updateItem(question, empty);
                setText(empty || question == null ? null : question.text());
            }
        });
        TextField newQuestion = new TextField();
        newQuestion.setId("newCustomQuestion");
        newQuestion.setPromptText(context.text("questions.custom.prompt"));
        newQuestion.setAccessibleText(context.text("questions.custom.new"));
        HBox.setHgrow(newQuestion, Priority.ALWAYS);
        Label length = new Label();
        length.getStyleClass().add("muted");
        newQuestion.textProperty().addListener((o, was, now) -> length.setText(context.text("questions.custom.length",
                now.strip().length(), SecurityQuestionsPolicy.MAX_CUSTOM_QUESTION_LENGTH)));
        Button add = new Button(context.text("questions.custom.add"));
        add.setId("addCustomQuestion");
        add.disableProperty().bind(newQuestion.textProperty().isEmpty());
        Runnable addIt = () -> {
            if (!newQuestion.getText().isBlank()) {
                model.addCustomQuestion(newQuestion.getText());
                newQuestion.clear();
            }
        };
        add.setOnAction(e -> addIt.run());
        newQuestion.setOnAction(e -> addIt.run());
        Button remove = new Button(context.text("questions.custom.remove"));
        remove.setId("removeCustomQuestion");
        remove.disableProperty().bind(custom.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.custom().remove(custom.getSelectionModel().getSelectedItem()));
        HBox editorRow = new HBox(8, newQuestion, add, remove);
        pane.editable(counts, predefined, all, none, editorRow);

        getChildren().addAll(PaneText.section(context.text("questions.title")), counts,
                pane.problems("methods.securityQuestions.toRegister", toRegister),
                pane.problems("methods.securityQuestions.toReset", toReset),
                PaneText.section(context.text("questions.predefined")), new HBox(8, all, none), predefined,
                pane.problems("methods.securityQuestions.predefined", predefined),
                PaneText.section(context.text("questions.custom")), PaneText.note(context.text("questions.custom.help")),
                custom, editorRow, length, pane.problems("methods.securityQuestions.custom", custom, newQuestion));
    }

    private CheckListView<PredefinedQuestion> predefinedList(MethodsPaneModel model, ConsoleContext context) {
        CheckListView<PredefinedQuestion> list = new CheckListView<>();
        list.getItems().setAll(PredefinedQuestion.values());
        list.setId("predefinedQuestions");
        list.setAccessibleText(context.text("questions.predefined"));
        list.setPrefHeight(220);
        list.setCellFactory(view -> new javafx.scene.control.cell.CheckBoxListCell<>(list::getItemBooleanProperty,
                new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(PredefinedQuestion question) {
                        return question == null ? "" : question.text(context.messages().locale());
                    }

                    @Override
                    public PredefinedQuestion fromString(String text) {
                        return null;
                    }
                }));
        Runnable fromModel = () -> {
            syncing = true;
            try {
                list.getCheckModel().clearChecks();
                model.predefined().forEach(list.getCheckModel()::check);
            } finally {
                syncing = false;
            }
        };
        fromModel.run();
        model.predefined().addListener((ListChangeListener<PredefinedQuestion>) change -> {
            if (!syncing) {
                fromModel.run();
            }
        });
        list.getCheckModel().getCheckedItems().addListener((ListChangeListener<PredefinedQuestion>) change -> {
            if (!syncing) {
                syncing = true;
                try {
                    model.predefined().setAll(List.copyOf(list.getCheckModel().getCheckedItems()));
                } finally {
                    syncing = false;
                }
            }
        });
        return list;
    }

    private static ComboBox<Integer> questionCount(ConsoleContext context, String id, String labelKey) {
        ComboBox<Integer> box = new ComboBox<>();
        box.getItems().addAll(3, 4, 5);
        box.setId(id);
        box.setAccessibleText(context.text(labelKey));
        return box;
    }

    private static Label label(ConsoleContext context, String key, ComboBox<Integer> box) {
        Label label = new Label(context.text(key));
        label.setLabelFor(box);
        return label;
    }
}
