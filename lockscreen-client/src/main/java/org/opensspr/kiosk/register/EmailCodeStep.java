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

/** The code sent to the new address, with "send a new code" once the server's pause is over. */
public final class EmailCodeStep implements FlowStepView {
    private final CodeEntry code;
    private final ResendCountdown countdown;
    private final VBox view;

    public EmailCodeStep(StepContext context, SecurityInfoScreen.EmailCode screen) {
        I18n i18n = context.i18n();
        ChallengeDto challenge = screen.challenge();
        code = new CodeEntry(i18n, challenge, CodeFormat.digits(8));
        countdown = new ResendCountdown(context.clock(), challenge == null ? null : challenge.resendAvailableAt());
        view = StepLayout.of(i18n, "secinfo.email.codeTitle", new Object[0], CodeSent.EMAIL.introKey(),
                CodeSent.introArgs(challenge, screen.address(), code.length()), code.view(),
                CodeSent.EMAIL.resendLink(i18n, countdown,
                        () -> context.driver().perform(new SecurityInfoAction.SendEmailCode(screen.address()))),
                CodeSent.EMAIL.waitLabel(i18n, countdown));
        view.setId("secinfoEmailCode");
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
        return problem != null ? new StepOutcome.Invalid(problem) : new SecurityInfoAction.VerifyEmail(code.code());
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
