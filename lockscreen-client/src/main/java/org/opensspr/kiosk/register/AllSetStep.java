package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** "You're all set": what is registered now; Continue goes on to the signed-in screen. */
public final class AllSetStep implements FlowStepView {
    private final VBox view;

    public AllSetStep(StepContext context, SecurityInfoScreen.Done screen) {
        Label tick = new Label("\u2713");
        tick.getStyleClass().add("done-mark");
        view = StepLayout.of(context.i18n(), "secinfo.done.title", "secinfo.done.intro",
                new RegisteredList(context.i18n(), screen.info()));
        view.getChildren().addFirst(tick);
        view.setId("secinfoDone");
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
