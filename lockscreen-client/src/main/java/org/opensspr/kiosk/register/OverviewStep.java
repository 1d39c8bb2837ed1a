package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** The Security info page: what is registered (masked), each with Change and Delete, and "Add a method". */
public final class OverviewStep implements FlowStepView {
    private final VBox view;
    private final Button add = new Button();
    /** Opened from the signed-in screen, Cancel would only repeat Done; asked at sign-in, it is "Ask me later". */
    private final boolean cancellable;

    public OverviewStep(StepContext context, SecurityInfoScreen.Overview screen) {
        I18n i18n = context.i18n();
        SecurityInfoDto info = screen.info();
        cancellable = screen.mode() == SecurityInfoScreen.Mode.ASKED_AT_SIGN_IN;
        add.setId("addMethod");
        add.textProperty().bind(i18n.text("secinfo.add"));
        add.setOnAction(e -> context.driver().perform(new SecurityInfoAction.ChooseMethod()));
        add.setVisible(!Kinds.addable(info).isEmpty());
        add.setManaged(add.isVisible());
        view = StepLayout.of(i18n, "secinfo.overview.title", new Object[0], "secinfo.overview.intro",
                new Object[] {info.requiredToRegister(), info.registeredCount()},
                new RegisteredList(i18n, info, context.driver()), add);
        view.setId("secinfoOverview");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public String nextKey() {
        return "secinfo.overview.done";
    }

    @Override
    public StepOutcome next() {
        return new SecurityInfoAction.Finish();
    }

    @Override
    public boolean cancellable() {
        return cancellable;
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
