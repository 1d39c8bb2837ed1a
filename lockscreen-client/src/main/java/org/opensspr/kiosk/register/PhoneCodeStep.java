package org.opensspr.kiosk.register;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.kiosk.gates.CodeEntry;
import org.opensspr.kiosk.gates.CodeSent;
import org.opensspr.kiosk.gates.ResendCountdown;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/** The code texted to the new phone, or read out by a call, with "send a new code" or "call again". */
public final class PhoneCodeStep implements FlowStepView {
    private final CodeEntry code;
    private final ResendCountdown countdown;
    private final VBox view;

    public PhoneCodeStep(StepContext context, SecurityInfoScreen.PhoneCode screen) {
        I18n i18n = context.i18n();
        ChallengeDto challenge = screen.challenge();
        CodeSent words = CodeSent.of(challenge, screen.entry().kind());
        code = new CodeEntry(i18n, challenge, CodeFormat.digits(8));
        countdown = new ResendCountdown(context.clock(), challenge == null ? null : challenge.resendAvailableAt());
        view = StepLayout.of(i18n, "secinfo.phone.codeTitle", new Object[0], words.introKey(),
                CodeSent.introArgs(challenge, screen.entry().number(), code.length()), code.view(),
                words.resendLink(i18n, countdown,
                        () -> context.driver().perform(new SecurityInfoAction.SendPhoneCode(screen.entry()))),
                words.waitLabel(i18n, countdown));
        view.setId("secinfoPhoneCode");
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShow() {
        countdown.start();
    }

    @Override
    public void onHide() {
        countdown.stop();
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
    public String nextKey() {
        return "secinfo.verify";
    }

    @Override
    public StepOutcome next() {
        String problem = code.problem();
        return problem != null ? new StepOutcome.Invalid(problem) : new SecurityInfoAction.VerifyPhone(code.code());
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
