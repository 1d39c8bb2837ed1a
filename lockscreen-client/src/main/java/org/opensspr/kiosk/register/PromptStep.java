package org.opensspr.kiosk.register;

import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/**
 * What sign-in asks: "More information required" (too few methods registered: Next sets them up), or "Is
 * your security info still current?" (info an administrator put there, or checked long ago: "Looks good",
 * or change it on the Security info page). "Ask me later" is the wizard's Cancel.
 */
public final class PromptStep implements FlowStepView {
    private final boolean register;
    private final VBox view;

    public PromptStep(StepContext context, SecurityInfoScreen.Prompt screen) {
        I18n i18n = context.i18n();
        SecurityInfoDto info = screen.info();
        register = info.prompt() == SignInPrompt.REGISTER || !info.complete();
        if (register) {
            Label progress = new Label();
            progress.setId("registerProgress");
            progress.setWrapText(true);
            progress.textProperty().bind(i18n.text("secinfo.register.progress", info.registeredCount(),
                    info.requiredToRegister()));
            view = StepLayout.of(i18n, "secinfo.register.title", new Object[0], "secinfo.register.intro",
                    new Object[] {info.requiredToRegister()}, progress);
            if (!info.registered().isEmpty()) {
                view.getChildren().add(new RegisteredList(i18n, info));
            }
        } else {
            Hyperlink change = new Hyperlink();
            change.setId("changeSecurityInfo");
            change.textProperty().bind(i18n.text("secinfo.confirm.change"));
            change.setOnAction(e -> context.driver().perform(new SecurityInfoAction.OpenOverview()));
            view = StepLayout.of(i18n, "secinfo.confirm.title",
                    info.prompt() == SignInPrompt.RECONFIRM ? "secinfo.reconfirm.intro" : "secinfo.confirm.intro",
                    new RegisteredList(i18n, info), change);
        }
        view.setId(register ? "secinfoRegister" : "secinfoConfirm");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public String nextKey() {
        return register ? "wizard.next" : "secinfo.confirm.looksGood";
    }

    @Override
    public StepOutcome next() {
        return register ? new SecurityInfoAction.Begin() : new SecurityInfoAction.Confirm();
    }
}
