package org.opensspr.kiosk.gates;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.QuestionDto;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security questions the server drew for this attempt (in the flow's language; custom questions as
 * the administrator wrote them). A wrong answer brings new questions, so every attempt starts empty.
 */
public final class SecurityQuestionsGate implements FlowStepView {
    private final List<QuestionDto> questions;
    private final List<TextField> answers = new ArrayList<>();
    private final VBox view;

    public SecurityQuestionsGate(StepContext context, FlowResponse response, FlowStep.ProveIdentity step) {
        questions = response.challenge() == null ? List.of() : response.challenge().questions();
        VBox list = new VBox();
        list.getStyleClass().add("question-list");
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
            list.getChildren().add(pair);
        }
        view = StepLayout.of(context.i18n(), GateTitle.key(step.gatesRequired()),
                GateTitle.args(step.gate(), step.gatesRequired()), "gates.questions.intro", new Object[0], list);
        OtherMethod.addTo(view, context);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        return answers.isEmpty() ? null : answers.getFirst();
    }

    @Override
    public StepOutcome next() {
        Map<String, String> byQuestion = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            String answer = answers.get(i).getText() == null ? "" : answers.get(i).getText().strip();
            if (answer.isEmpty()) {
                return new StepOutcome.Invalid("gates.questions.required");
            }
            byQuestion.put(questions.get(i).id(), answer);
        }
        return new StepOutcome.Call((client, ticket) -> client.prove(new ProveRequest(ticket, null, byQuestion)));
    }
}
