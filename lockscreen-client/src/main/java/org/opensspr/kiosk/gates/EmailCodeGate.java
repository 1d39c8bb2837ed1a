package org.opensspr.kiosk.gates;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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

/** The code emailed to the alternate address, with "send a new code" after a countdown. */
public final class EmailCodeGate implements FlowStepView {
    /** The emailed codes' length before servers said it. */
    private static final CodeFormat USUAL = CodeFormat.digits(8);
    private final CodeEntry code;
    private final Hyperlink resend = new Hyperlink();
    private final Label wait = new Label();
    private final ResendCountdown countdown;
    private final VBox view;

    public EmailCodeGate(StepContext context, FlowResponse response, FlowStep.ProveIdentity step) {
        I18n i18n = context.i18n();
        ChallengeDto challenge = response.challenge();
        String destination = challenge == null || challenge.destination() == null ? "" : challenge.destination();
        code = new CodeEntry(i18n, challenge, USUAL);
        countdown = new ResendCountdown(context.clock(), context.model().resendAvailableAt(challenge));

        resend.setId("resendCode");
        resend.textProperty().bind(i18n.text("gates.email.resend"));
        resend.disableProperty().bind(countdown.secondsLeftProperty().greaterThan(0));
        resend.setOnAction(e -> context.model().send((client, ticket) -> client.resendCode(ticket)));
        wait.setId("resendWait");
        wait.getStyleClass().add("muted");
        wait.textProperty().bind(i18n.text("gates.email.wait",
                Bindings.createStringBinding(() -> ResendCountdown.format(countdown.secondsLeftProperty().get()),
                        countdown.secondsLeftProperty())));
        wait.visibleProperty().bind(countdown.secondsLeftProperty().greaterThan(0));
        wait.managedProperty().bind(wait.visibleProperty());

        view = StepLayout.of(i18n, GateTitle.key(step.gatesRequired()), GateTitle.args(step.gate(), step.gatesRequired()),
                "gates.email.intro", new Object[] {destination, code.length()}, code.view(), resend, wait);
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
