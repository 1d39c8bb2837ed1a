package org.opensspr.kiosk.gates;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.ProveRequest;
import org.opensspr.flow.FlowNotice;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.hardening.Countdown;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.kiosk.wizard.WizardModel;

import java.util.Map;
import java.util.Set;

/**
 * An app notification: the number to tap in the Authenticator app, shown big, and how long the request lasts.
 * While it waits the kiosk asks the server every {@code pollEvery} whether it was answered; the server says
 * when the person approved (the next step), denied, picked another number or let it expire. After those the
 * gate offers another notification (Next) and, always, "I can't use my app now" back to the method choice.
 */
public final class NotificationGate implements FlowStepView {
    /** Answers that end this notification: no more polling, Next sends another. */
    private static final Set<String> ENDED = Set.of(FlowNotice.NOTIFICATION_DENIED.name(),
            FlowNotice.WRONG_NUMBER.name(), FlowNotice.NOTIFICATION_EXPIRED.name());
    private final WizardModel model;
    private final Countdown poll;
    private final boolean waiting;
    private final ResendCountdown expires;
    private final VBox view;

    public NotificationGate(StepContext context, FlowResponse response, FlowStep.ProveIdentity step, Countdown poll) {
        I18n i18n = context.i18n();
        this.model = context.model();
        this.poll = poll;
        ChallengeDto challenge = response.challenge();
        waiting = response.notice() == null || !ENDED.contains(response.notice());
        expires = new ResendCountdown(context.clock(), challenge == null ? null : challenge.codeExpiresAt());
        String title = GateTitle.key(step.gatesRequired());
        Object[] titleArgs = GateTitle.args(step.gate(), step.gatesRequired());
        if (waiting) {
            String number = challenge == null || challenge.matchNumber() == null ? ""
                    : String.format("%02d", challenge.matchNumber());
            Label match = new Label(number);
            match.setId("matchNumber");
            match.getStyleClass().add("match-number");
            match.accessibleTextProperty().bind(i18n.text("gates.push.number", number));
            Label left = new Label();
            left.setId("pushExpires");
            left.getStyleClass().add("muted");
            left.textProperty().bind(i18n.text("gates.push.expires", Bindings.createStringBinding(
                    () -> ResendCountdown.format(expires.secondsLeftProperty().get()), expires.secondsLeftProperty())));
            view = StepLayout.of(i18n, title, titleArgs, "gates.push.intro", new Object[0], match, left);
        } else {
            view = StepLayout.of(i18n, title, titleArgs, "gates.push.ended", new Object[0]);
        }
        view.getChildren().add(OtherMethod.link(context, "gates.push.cantUse", "cantUseApp"));
    }

    /** Whether this screen waits for the app's answer (else the notification ended: denied, wrong number, expired). */
    public boolean waiting() {
        return waiting;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShow() {
        if (waiting) {
            expires.start();
            poll.whenFinished(() -> model.poll(
                    (client, ticket) -> client.prove(new ProveRequest(ticket, null, Map.of())), poll::restart));
            poll.restart();
        }
    }

    @Override
    public void onHide() {
        poll.stop();
        expires.stop();
    }

    /** Waiting: check now (the person approved and doesn't want to wait for the next poll). Ended: send another. */
    @Override
    public String nextKey() {
        return waiting ? "gates.push.check" : "gates.push.again";
    }

    @Override
    public StepOutcome next() {
        return waiting ? new StepOutcome.Call((client, ticket) -> client.prove(new ProveRequest(ticket, null, Map.of())))
                : new StepOutcome.Call((client, ticket) -> client.resendCode(ticket));
    }
}
