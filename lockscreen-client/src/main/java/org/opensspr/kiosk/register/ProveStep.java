package org.opensspr.kiosk.register;

import javafx.beans.property.SimpleBooleanProperty;
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
import org.opensspr.methods.AuthMethod.Registration;

import java.util.Map;

/**
 * Proving a registered method again before a change: the code emailed to the registered address or sent to
 * the registered phone (with "send a new code" or "call again"), the code the Authenticator app shows, or
 * answers to the drawn security questions.
 */
public final class ProveStep implements FlowStepView {
    private final Registration kind;
    private final CodeEntry code;
    private final AnswerFields answers;
    private final ResendCountdown countdown;
    private final VBox view;

    public ProveStep(StepContext context, SecurityInfoScreen.Prove screen) {
        I18n i18n = context.i18n();
        kind = screen.kind();
        ChallengeDto challenge = screen.challenge();
        switch (kind) {
            case EMAIL, MOBILE_PHONE, OFFICE_PHONE -> {
                code = new CodeEntry(i18n, challenge, CodeFormat.digits(8));
                answers = null;
                countdown = new ResendCountdown(context.clock(), challenge == null ? null : challenge.resendAvailableAt());
                CodeSent words = CodeSent.of(challenge, kind);
                view = StepLayout.of(i18n, "secinfo.proof.title", new Object[0], words.introKey(),
                        CodeSent.introArgs(challenge, "", code.length()), code.view(),
                        words.resendLink(i18n, countdown,
                                () -> context.driver().perform(new SecurityInfoAction.ProveWith(kind,
                                        challenge == null ? null : challenge.delivery()))), // again the same way
                        words.waitLabel(i18n, countdown));
            }
            case SECURITY_QUESTIONS -> {
                code = null;
                countdown = null;
                answers = new AnswerFields(challenge == null ? java.util.List.of() : challenge.questions());
                view = StepLayout.of(i18n, "secinfo.proof.title", "gates.questions.intro", answers);
            }
            default -> {
                code = new CodeEntry(i18n, challenge, CodeFormat.digits(6));
                answers = null;
                countdown = null;
                view = StepLayout.of(i18n, "secinfo.proof.title", new Object[0], "gates.app.intro",
                        new Object[] {code.length()}, code.view());
            }
        }
        view.setId("secinfoProve-" + kind.name());
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShow() {
        if (countdown != null) {
            countdown.start();
        }
    }

    @Override
    public void onHide() {
        if (countdown != null) {
            countdown.stop();
        }
    }

    @Override
    public Node initialFocus() {
        return code != null ? code.field() : answers.first();
    }

    @Override
    public ObservableBooleanValue ready() {
        return code != null ? code.complete() : new SimpleBooleanProperty(true);
    }

    @Override
    public String nextKey() {
        return "secinfo.verify";
    }

    @Override
    public StepOutcome next() {
        if (code != null) {
            String problem = code.problem();
            return problem != null ? new StepOutcome.Invalid(problem)
                    : new SecurityInfoAction.SubmitProof(kind, code.code(), null);
        }
        Map<String, String> byQuestion = answers.byQuestion();
        return byQuestion == null ? new StepOutcome.Invalid("gates.questions.required")
                : new SecurityInfoAction.SubmitProof(kind, null, byQuestion);
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
