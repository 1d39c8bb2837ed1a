package org.opensspr.kiosk.gates;

import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.methods.AuthMethod;

import java.util.ArrayList;
import java.util.List;

/** Choose how to prove who you are, from the methods the server offers for this gate. */
public final class ChooseMethodStep implements FlowStepView {
    private final ToggleGroup group = new ToggleGroup();
    private final List<RadioButton> options = new ArrayList<>();
    private final VBox view;

    public ChooseMethodStep(StepContext context, FlowStep.ChooseMethod step, GateViews gates) {
        I18n i18n = context.i18n();
        VBox list = new VBox();
        list.getStyleClass().add("choice-list");
        for (AuthMethod method : step.options()) {
            RadioButton option = new RadioButton();
            option.setId("method-" + method.name());
            option.setUserData(method);
            option.setToggleGroup(group);
            if (gates.supports(method)) {
                option.textProperty().bind(i18n.text("method." + method.name()));
            } else {
                option.textProperty().bind(i18n.text("method.notYetAvailable", i18n.text("method." + method.name())));
                option.setDisable(true);
            }
            options.add(option);
            list.getChildren().add(option);
        }
        options.stream().filter(o -> !o.isDisable()).findFirst().ifPresent(o -> o.setSelected(true));
        view = StepLayout.of(i18n, GateTitle.key(step.gatesRequired()), GateTitle.args(step.gate(), step.gatesRequired()),
                "gates.choose.intro", new Object[0], list);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        Toggle selected = group.getSelectedToggle();
        return selected instanceof RadioButton radio ? radio : null;
    }

    @Override
    public StepOutcome next() {
        Toggle selected = group.getSelectedToggle();
        if (selected == null) {
            return new StepOutcome.Invalid("gates.choose.none");
        }
        AuthMethod method = (AuthMethod) selected.getUserData();
        return new StepOutcome.Call((client, ticket) -> client.chooseMethod(new ChooseMethodRequest(ticket, method)));
    }
}
