package org.opensspr.kiosk.wizard;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.flow.FlowIntent;
import org.opensspr.kiosk.i18n.I18n;

/** "Why can't you sign in?" — I forgot my password (reset) or I know it but I'm locked out (unlock). */
public final class IntentChoiceStep implements FlowStepView {
    private final ChoiceList<FlowIntent> choices = new ChoiceList<>();
    private final VBox view;

    public IntentChoiceStep(StepContext context) {
        I18n i18n = context.i18n();
        choices.add("intentForgot", i18n.text("intent.forgot"), FlowIntent.RESET_PASSWORD, true);
        choices.add("intentLocked", i18n.text("intent.locked"), FlowIntent.UNLOCK_ACCOUNT, true);
        view = StepLayout.of(i18n, "intent.title", "intent.intro", choices);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        return choices.selectedOption().orElse(null);
    }

    @Override
    public StepOutcome next() {
        return new StepOutcome.Start(choices.selected().orElse(FlowIntent.RESET_PASSWORD));
    }
}
