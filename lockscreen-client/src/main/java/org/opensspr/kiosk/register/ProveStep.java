package org.opensspr.kiosk.register;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.kiosk.gates.CodeEntry;
import org.opensspr.kiosk.gates.ResendCountdown;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.methods.AuthMethod.Registration;

import java.util.Map;

/**
 * Proving a registered method again before a change: the code emailed to the registered address (with
 * "send a new code"), the code the Authenticator app shows, or answers to the drawn security questions.
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
            case EMAIL -> {
                code = new CodeEntry(i18n, challenge, CodeFormat.digits(8));
                answers = null;
                countdown = new ResendCountdown(context.clock(), challenge == null ? null : challenge.resendAvailableAt());
                String destination = challenge == null || challenge.destination() == null ? "" : challenge.destination();
                view = StepLayout.of(i18n, "secinfo.proof.title", new Object[0], "gates.email.intro",
                        new Object[] {destination, code.length()}, code.view(),
                        resendLink(context, countdown, () -> new SecurityInfoAction.ProveWith(kind)),
                        waitLabel(i18n, countdown));
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

    /** "Send a new code", once the server's pause is over. */
    static Hyperlink resendLink(StepContext context, ResendCountdown countdown,
                                java.util.function.Supplier<SecurityInfoAction> again) {
        Hyperlink resend = new Hyperlink();
        resend.setId("resendCode");
        resend.textProperty().bind(context.i18n().text("gates.email.resend"));
        resend.disableProperty().bind(countdown.secondsLeftProperty().greaterThan(0));
        resend.setOnAction(e -> context.driver().perform(again.get()));
        return resend;
    }

    static Label waitLabel(I18n i18n, ResendCountdown countdown) {
        Label wait = new Label();
        wait.setId("resendWait");
        wait.getStyleClass().add("muted");
        wait.textProperty().bind(i18n.text("gates.email.wait",
                Bindings.createStringBinding(() -> ResendCountdown.format(countdown.secondsLeftProperty().get()),
                        countdown.secondsLeftProperty())));
        wait.visibleProperty().bind(countdown.secondsLeftProperty().greaterThan(0));
        wait.managedProperty().bind(wait.visibleProperty());
        return wait;
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
