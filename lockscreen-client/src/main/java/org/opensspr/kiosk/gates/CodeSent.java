package org.opensspr.kiosk.gates;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import org.opensspr.api.ChallengeDto;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;

/**
 * The words of a screen where a code was sent: where it went and how ("We sent an email", "We've sent a text",
 * "We're calling"), how to ask for another ("Send a new code", "Call again") and how long until one may be
 * asked for. The reset flow's code gate and the security-info wizard's code steps share them.
 *
 * @param introKey  the intro; {0} the masked destination, {1} the code's length
 * @param resendKey the link that asks for another code
 * @param waitKey   "you can ask again in {0}"
 */
public record CodeSent(String introKey, String resendKey, String waitKey) {
    public static final CodeSent EMAIL = new CodeSent("gates.email.intro", "gates.email.resend", "gates.email.wait");
    public static final CodeSent TEXT = new CodeSent("gates.text.intro", "gates.email.resend", "gates.email.wait");
    public static final CodeSent CALL = new CodeSent("gates.call.intro", "gates.call.again", "gates.call.wait");

    /** By the challenge: an office phone is always called, a mobile phone as the challenge says (texted by default). */
    public static CodeSent of(ChallengeDto challenge, AuthMethod method) {
        PhoneDelivery delivery = challenge == null ? null : challenge.delivery();
        return switch (method) {
            case EMAIL -> EMAIL;
            case OFFICE_PHONE -> CALL;
            default -> delivery == PhoneDelivery.CALL ? CALL : TEXT;
        };
    }

    /** The same for a kind of security info. */
    public static CodeSent of(ChallengeDto challenge, AuthMethod.Registration kind) {
        return of(challenge, switch (kind) {
            case EMAIL -> AuthMethod.EMAIL;
            case OFFICE_PHONE -> AuthMethod.OFFICE_PHONE;
            default -> AuthMethod.MOBILE_PHONE;
        });
    }

    /** The intro's arguments: the masked destination (a number with its extension) and the code's length. */
    public static Object[] introArgs(ChallengeDto challenge, String fallbackDestination, int length) {
        String destination = challenge != null && challenge.destination() != null ? challenge.destination()
                : fallbackDestination == null ? "" : fallbackDestination;
        return new Object[] {destination, length};
    }

    /** "Send a new code" / "Call again", off until the server's pause is over. */
    public Hyperlink resendLink(I18n i18n, ResendCountdown countdown, Runnable again) {
        Hyperlink resend = new Hyperlink();
        resend.setId("resendCode");
        resend.textProperty().bind(i18n.text(resendKey));
        resend.disableProperty().bind(countdown.secondsLeftProperty().greaterThan(0));
        resend.setOnAction(e -> again.run());
        return resend;
    }

    /** How long until another code may be asked for; hidden once it may. */
    public Label waitLabel(I18n i18n, ResendCountdown countdown) {
        Label wait = new Label();
        wait.setId("resendWait");
        wait.getStyleClass().add("muted");
        wait.textProperty().bind(i18n.text(waitKey,
                Bindings.createStringBinding(() -> ResendCountdown.format(countdown.secondsLeftProperty().get()),
                        countdown.secondsLeftProperty())));
        wait.visibleProperty().bind(countdown.secondsLeftProperty().greaterThan(0));
        wait.managedProperty().bind(wait.visibleProperty());
        return wait;
    }
}
