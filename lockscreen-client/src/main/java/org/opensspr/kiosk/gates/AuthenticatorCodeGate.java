package org.opensspr.kiosk.gates;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.FlowResponse;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** The code the Authenticator app shows now. */
public final class AuthenticatorCodeGate implements FlowStepView {
    /** The app's codes' length before servers said it. */
    private static final CodeFormat USUAL = CodeFormat.digits(6);
    private final CodeEntry code;
    private final VBox view;

    public AuthenticatorCodeGate(StepContext context, FlowResponse response, FlowStep.ProveIdentity step) {
        code = new CodeEntry(context.i18n(), response.challenge(), USUAL);
        view = StepLayout.of(context.i18n(), GateTitle.key(step.gatesRequired()),
                GateTitle.args(step.gate(), step.gatesRequired()), "gates.app.intro", new Object[] {code.length()},
                code.view());
        OtherMethod.addTo(view, context);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        return code.field();
    }

    @Override
    public ObservableBooleanValue ready() {
        return code.complete();
    }

    @Override
    public StepOutcome next() {
        return code.prove();
    }
}
