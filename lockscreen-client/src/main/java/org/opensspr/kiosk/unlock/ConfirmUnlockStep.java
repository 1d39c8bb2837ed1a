package org.opensspr.kiosk.unlock;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** Identity proven and the policy allows unlocking alone: unlock, and the password stays as it is. */
public final class ConfirmUnlockStep implements FlowStepView {
    private final VBox view;

    public ConfirmUnlockStep(StepContext context) {
        view = StepLayout.of(context.i18n(), "unlock.title", "unlock.intro");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public StepOutcome next() {
        return new StepOutcome.Call((client, ticket) -> client.unlockAccount(ticket));
    }

    @Override
    public String nextKey() {
        return "unlock.action";
    }
}
