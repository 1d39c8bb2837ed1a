package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.deadend.HelpdeskLine;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/**
 * The security info can't be changed now: why, that the person is signed in all the same (and will be asked
 * again), and whom to contact. Continue goes on to the signed-in screen.
 */
public final class StoppedStep implements FlowStepView {
    private final VBox view;

    public StoppedStep(StepContext context, SecurityInfoScreen.Stopped screen) {
        String key = "secinfo.stop." + screen.deadEnd().kind().name();
        view = StepLayout.of(context.i18n(), key + ".title", key + ".text",
                HelpdeskLine.of(context.i18n(), screen.deadEnd().helpdesk()));
        view.getStyleClass().add("dead-end");
        view.setId("secinfoStopped-" + screen.deadEnd().kind().name());
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public String nextKey() {
        return "secinfo.continue";
    }

    @Override
    public StepOutcome next() {
        return new SecurityInfoAction.Finish();
    }

    @Override
    public boolean cancellable() {
        return false;
    }
}
