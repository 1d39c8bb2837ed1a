package org.opensspr.kiosk.register;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.opensspr.api.QuestionDto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The questions drawn for a proof, each with its answer field (as at a reset's questions gate). */
final class AnswerFields extends VBox {
    private final List<QuestionDto> questions;
    private final List<TextField> answers = new ArrayList<>();

    AnswerFields(List<QuestionDto> questions) {
        this.questions = questions;
        getStyleClass().add("question-list");
        for (int i = 0; i < questions.size(); i++) {
            Label question = new Label(questions.get(i).text());
            question.setWrapText(true);
            question.getStyleClass().add("field-label");
            TextField answer = new TextField();
            answer.setId("answer" + i);
            answer.setAccessibleText(questions.get(i).text());
            question.setLabelFor(answer);
            answers.add(answer);
            VBox pair = new VBox(question, answer);
            pair.getStyleClass().add("labelled-field");
            getChildren().add(pair);
        }
    }

    TextField first() {
        return answers.isEmpty() ? null : answers.getFirst();
    }

    /** The answers by question id, or null when one is empty. */
    Map<String, String> byQuestion() {
        Map<String, String> byQuestion = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            String answer = answers.get(i).getText() == null ? "" : answers.get(i).getText().strip();
            if (answer.isEmpty()) {
                return null;
            }
            byQuestion.put(questions.get(i).id(), answer);
        }
        return byQuestion;
    }
}
