package org.opensspr.kiosk.done;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** The flow is over: the password was reset, or the account unlocked. Next goes back to sign in. */
public final class DoneStep implements FlowStepView {
    private final VBox view;

    public DoneStep(StepContext context, FlowCompletion completion) {
        boolean unlocked = completion == FlowCompletion.ACCOUNT_UNLOCKED;
        Label tick = new Label("\u2713");
        tick.getStyleClass().add("done-mark");
        VBox body = StepLayout.of(context.i18n(), unlocked ? "done.unlocked.title" : "done.reset.title",
                unlocked ? "done.unlocked.intro" : "done.reset.intro");
        body.getChildren().addFirst(tick);
        view = body;
        view.setId(completion == FlowCompletion.ACCOUNT_UNLOCKED ? "doneUnlocked" : "donePasswordReset");
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
        return "done.signIn";
    }

    @Override
    public boolean cancellable() {
        return false;
    }
}
