package org.opensspr.kiosk.gates;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** A method this kiosk has no view for yet (phone, push): say so plainly; Next leaves. */
final class NotYetAvailableGate implements FlowStepView {
    private final VBox view;

    NotYetAvailableGate(StepContext context, FlowStep.ProveIdentity step) {
        view = StepLayout.of(context.i18n(), GateTitle.key(step.gatesRequired()),
                GateTitle.args(step.gate(), step.gatesRequired()), "gates.notYetAvailable", new Object[0]);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public StepOutcome next() {
        return new StepOutcome.Leave();
    }

    @Override
    public String nextKey() {
        return "deadend.back";
    }
}
