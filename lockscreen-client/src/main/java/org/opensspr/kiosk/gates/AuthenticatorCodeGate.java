package org.opensspr.kiosk.gates;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.opensspr.api.FlowResponse;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** The six-digit code the Authenticator app shows now. */
public final class AuthenticatorCodeGate implements FlowStepView {
    private final TextField code = CodeEntry.field();
    private final VBox view;

    public AuthenticatorCodeGate(StepContext context, FlowResponse response, FlowStep.ProveIdentity step) {
        view = StepLayout.of(context.i18n(), GateTitle.key(step.gatesRequired()),
                GateTitle.args(step.gate(), step.gatesRequired()), "gates.app.intro", new Object[0],
                StepLayout.field(context.i18n(), "gates.code.label", code));
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        return code;
    }

    @Override
    public StepOutcome next() {
        return CodeEntry.prove(code, 6);
    }
}
