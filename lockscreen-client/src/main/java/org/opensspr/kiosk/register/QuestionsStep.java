package org.opensspr.kiosk.register;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.opensspr.api.ApiError;
import org.opensspr.api.QuestionDto;
import org.opensspr.api.SecurityAnswersRequest;
import org.opensspr.api.SecurityQuestionsCatalogDto;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Security questions: choose the policy's number of different questions and answer each. Every row says
 * as it is typed what is still wrong with it ({@link AnswerRules}); what the server refuses is shown beside
 * the answer it refused, until that row is changed.
 */
public final class QuestionsStep implements FlowStepView {
    private static final Pattern ANSWER_FIELD = Pattern.compile("answers\\[(\\d+)]\\.(answer|questionId)");
    private final I18n i18n;
    private final SecurityInfoScreen.Questions screen;
    private final SecurityQuestionsCatalogDto catalog;
    private final List<ComboBox<QuestionDto>> questions = new ArrayList<>();
    private final List<TextField> answers = new ArrayList<>();
    private final List<Label> checks = new ArrayList<>();
    private final List<String> serverProblems = new ArrayList<>();
    private final List<Boolean> touched = new ArrayList<>();
    private final ChangeListener<List<ApiError.FieldError>> onServerErrors = (o, old, errors) -> serverSaid(errors);
    private final ChangeListener<Object> onLanguage = (o, old, now) -> recheck();
    private final VBox view;
    private boolean showAll;

    public QuestionsStep(StepContext context, SecurityInfoScreen.Questions screen) {
        this.i18n = context.i18n();
        this.screen = screen;
        this.catalog = screen.catalog();
        VBox rows = new VBox();
        rows.getStyleClass().add("question-rows");
        for (int i = 0; i < catalog.toRegister(); i++) {
            rows.getChildren().add(row(i));
        }
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("question-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        view = StepLayout.of(i18n, "secinfo.questions.title", new Object[0], "secinfo.questions.intro",
                new Object[] {catalog.toRegister(), catalog.minAnswerLength(), catalog.maxAnswerLength()}, scroll);
        view.setId("secinfoQuestions");
        recheck();
    }

    private VBox row(int i) {
        ComboBox<QuestionDto> question = new ComboBox<>();
        question.setId("question" + i);
        question.getItems().setAll(catalog.questions());
        question.setConverter(new StringConverter<>() {
            @Override
            public String toString(QuestionDto q) {
                return q == null ? "" : q.text();
            }

            @Override
            public QuestionDto fromString(String text) {
                return null;
            }
        });
        question.promptTextProperty().bind(i18n.text("secinfo.questions.choose"));
        question.setMaxWidth(Double.MAX_VALUE);
        question.getStyleClass().add("question-picker");
        if (i < catalog.registered().size()) {
            String id = catalog.registered().get(i);
            catalog.questions().stream().filter(q -> q.id().equals(id)).findFirst().ifPresent(question::setValue);
        }
        TextField answer = new TextField();
        answer.setId("answer" + i);
        answer.getStyleClass().add("answer-field");
        Label check = new Label();
        check.setId("answerCheck" + i);
        check.setWrapText(true);
        check.getStyleClass().add("answer-check");
        questions.add(question);
        answers.add(answer);
        checks.add(check);
        serverProblems.add(null);
        touched.add(false);
        question.valueProperty().addListener((o, was, now) -> edited(i));
        answer.textProperty().addListener((o, was, now) -> edited(i));

        VBox questionField = StepLayout.field(i18n, "secinfo.questions.question", question);
        ((Label) questionField.getChildren().getFirst()).textProperty().bind(i18n.text("secinfo.questions.question", i + 1));
        VBox answerField = StepLayout.field(i18n, "secinfo.questions.answer", answer);
        ((Label) answerField.getChildren().getFirst()).textProperty().bind(i18n.text("secinfo.questions.answer", i + 1));
        HBox.setHgrow(questionField, Priority.ALWAYS);
        HBox pair = new HBox(questionField, answerField);
        pair.getStyleClass().add("question-row");
        answer.accessibleHelpProperty().bind(check.textProperty());
        VBox box = new VBox(pair, check);
        box.getStyleClass().add("question-block");
        return box;
    }

    private void edited(int row) {
        touched.set(row, true);
        serverProblems.set(row, null);
        recheck();
    }

    /** Updates every row's explanation: a row the person hasn't touched yet stays quiet until Next. */
    private void recheck() {
        List<AnswerRules.Problem> problems = AnswerRules.check(rows(), catalog.minAnswerLength(),
                catalog.maxAnswerLength());
        for (int i = 0; i < checks.size(); i++) {
            Label check = checks.get(i);
            check.getStyleClass().removeAll("answer-ok", "answer-problem");
            String server = serverProblems.get(i);
            AnswerRules.Problem problem = problems.get(i);
            boolean quiet = !showAll && !touched.get(i) || !showAll && (problem == AnswerRules.Problem.NO_ANSWER
                    || problem == AnswerRules.Problem.NO_QUESTION);
            if (server != null) {
                check.setText(explain(server));
                check.getStyleClass().add("answer-problem");
            } else if (problem != null && !quiet) {
                check.setText(explain(problem.name()));
                check.getStyleClass().add("answer-problem");
            } else if (problem == null) {
                check.setText(i18n.get("secinfo.answer.OK"));
                check.getStyleClass().add("answer-ok");
            } else {
                check.setText("");
            }
        }
    }

    /** The explanation of a problem code (ours or the server's); only the length ones have numbers in them. */
    private String explain(String code) {
        String key = "secinfo.answer." + code;
        if (!i18n.has(key)) {
            return i18n.get("wizard.error.invalid");
        }
        return code.equals("ANSWER_TOO_SHORT") || code.equals("ANSWER_TOO_LONG")
                ? i18n.get(key, catalog.minAnswerLength(), catalog.maxAnswerLength()) : i18n.get(key);
    }

    private List<AnswerRules.Row> rows() {
        List<AnswerRules.Row> rows = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            QuestionDto chosen = questions.get(i).getValue();
            rows.add(new AnswerRules.Row(chosen == null ? null : chosen.id(), answers.get(i).getText()));
        }
        return rows;
    }

    private void serverSaid(List<ApiError.FieldError> errors) {
        for (ApiError.FieldError error : errors) {
            Matcher m = error.field() == null ? null : ANSWER_FIELD.matcher(error.field());
            if (m != null && m.matches()) {
                int row = Integer.parseInt(m.group(1));
                if (row < serverProblems.size()) {
                    serverProblems.set(row, error.code());
                }
            }
        }
        recheck();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShow() {
        screen.serverErrors().addListener(onServerErrors);
        i18n.languageProperty().addListener(onLanguage);
        recheck();
    }

    @Override
    public void onHide() {
        screen.serverErrors().removeListener(onServerErrors);
        i18n.languageProperty().removeListener(onLanguage);
    }

    @Override
    public Node initialFocus() {
        return questions.getFirst().getValue() == null ? questions.getFirst() : answers.getFirst();
    }

    @Override
    public String nextKey() {
        return "secinfo.questions.save";
    }

    @Override
    public StepOutcome next() {
        showAll = true;
        recheck();
        List<AnswerRules.Row> rows = rows();
        if (AnswerRules.check(rows, catalog.minAnswerLength(), catalog.maxAnswerLength()).stream()
                .anyMatch(p -> p != null)) {
            return new StepOutcome.Invalid("secinfo.questions.fix");
        }
        return new SecurityInfoAction.SubmitAnswers(rows.stream()
                .map(row -> new SecurityAnswersRequest.Answer(row.questionId(), row.answer().strip())).toList());
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
