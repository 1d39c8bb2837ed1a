package org.opensspr.kiosk.gates;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.FlowResponse;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

/**
 * A code the server sent: emailed to the alternate address, texted to a mobile phone, or read out by a call
 * to a mobile or office phone. The words say which ({@link CodeSent}); "send a new code" or "call again"
 * opens after the server's pause.
 */
public final class CodeSentGate implements FlowStepView {
    /** Emailed and phoned codes' length before servers said it. */
    private static final CodeFormat USUAL = CodeFormat.digits(8);
    private final CodeEntry code;
    private final ResendCountdown countdown;
    private final CodeSent words;
    private final VBox view;

    public CodeSentGate(StepContext context, FlowResponse response, FlowStep.ProveIdentity step) {
        I18n i18n = context.i18n();
        ChallengeDto challenge = response.challenge();
        words = CodeSent.of(challenge, step.method());
        code = new CodeEntry(i18n, challenge, USUAL);
        countdown = new ResendCountdown(context.clock(), context.model().resendAvailableAt(challenge));
        view = StepLayout.of(i18n, GateTitle.key(step.gatesRequired()), GateTitle.args(step.gate(), step.gatesRequired()),
                words.introKey(), CodeSent.introArgs(challenge, "", code.length()), code.view(),
                words.resendLink(i18n, countdown, () -> context.model().send((client, ticket) -> client.resendCode(ticket))),
                words.waitLabel(i18n, countdown));
        OtherMethod.addTo(view, context);
    }

    /** How the code travelled (tests and screenshots check the words). */
    public CodeSent words() {
        return words;
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
    public StepOutcome next() {
        return code.prove();
    }
}
