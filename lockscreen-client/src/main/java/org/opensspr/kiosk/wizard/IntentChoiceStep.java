package org.opensspr.kiosk.wizard;

import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.opensspr.flow.FlowIntent;
import org.opensspr.kiosk.i18n.I18n;

/** "Why can't you sign in?" — I forgot my password (reset) or I know it but I'm locked out (unlock). */
public final class IntentChoiceStep implements FlowStepView {
    private final ToggleGroup group = new ToggleGroup();
    private final RadioButton forgot = new RadioButton();
    private final RadioButton locked = new RadioButton();
    private final VBox view;

    public IntentChoiceStep(StepContext context) {
        I18n i18n = context.i18n();
        forgot.textProperty().bind(i18n.text("intent.forgot"));
        locked.textProperty().bind(i18n.text("intent.locked"));
        forgot.setId("intentForgot");
        locked.setId("intentLocked");
        forgot.setUserData(FlowIntent.RESET_PASSWORD);
        locked.setUserData(FlowIntent.UNLOCK_ACCOUNT);
        forgot.setToggleGroup(group);
        locked.setToggleGroup(group);
        forgot.setSelected(true);
        VBox options = new VBox(forgot, locked);
        options.getStyleClass().add("choice-list");
        view = StepLayout.of(i18n, "intent.title", "intent.intro", options);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public Node initialFocus() {
        return forgot;
    }

    @Override
    public StepOutcome next() {
        return new StepOutcome.Start((FlowIntent) group.getSelectedToggle().getUserData());
    }
}
