package org.opensspr.kiosk.register;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensspr.api.AuthenticatorSetupDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.kiosk.gates.CodeEntry;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.io.ByteArrayInputStream;
import java.util.Base64;

/**
 * A new Authenticator app: the QR code to scan, with the secret beside it in groups of four for typing by
 * hand, then a code from the app (it counts only once the server accepts that code).
 */
public final class AuthenticatorStep implements FlowStepView {
    private final CodeEntry code;
    private final VBox view;

    public AuthenticatorStep(StepContext context, SecurityInfoScreen.Authenticator screen) {
        I18n i18n = context.i18n();
        AuthenticatorSetupDto setup = screen.setup();
        ImageView qr = new ImageView();
        qr.setId("qrCode");
        qr.getStyleClass().add("qr-code");
        qr.setFitWidth(176);
        qr.setFitHeight(176);
        qr.setPreserveRatio(true);
        qr.setSmooth(false); // a QR code's modules stay sharp
        qr.accessibleTextProperty().bind(i18n.text("secinfo.app.qr"));
        if (setup.qrCodePng() != null && !setup.qrCodePng().isBlank()) {
            qr.setImage(new Image(new ByteArrayInputStream(Base64.getDecoder().decode(setup.qrCodePng()))));
        }
        Label scan = text(i18n, "secinfo.app.scan");
        Label cantScan = text(i18n, "secinfo.app.cantScan");
        Label secret = new Label(grouped(setup.secret()));
        secret.setId("authenticatorSecret");
        secret.getStyleClass().add("secret-key");
        secret.setWrapText(true);
        secret.accessibleTextProperty().bind(i18n.text("secinfo.app.secret", setup.secret()));
        VBox beside = new VBox(scan, cantScan, secret);
        beside.getStyleClass().add("qr-beside");
        HBox pairing = new HBox(qr, beside);
        pairing.getStyleClass().add("qr-row");
        pairing.setAlignment(Pos.CENTER_LEFT);

        code = new CodeEntry(i18n, setup.codeFormat() == null ? null
                : new org.opensspr.api.ChallengeDto(null, null, setup.codeFormat(), null, null, null),
                CodeFormat.digits(6));
        Label enter = new Label();
        enter.setWrapText(true);
        enter.textProperty().bind(i18n.text("secinfo.app.enterCode", code.length()));
        view = StepLayout.of(i18n, "secinfo.app.title", "secinfo.app.intro", pairing, enter, code.view());
        view.setId("secinfoAuthenticator");
    }

    private static Label text(I18n i18n, String key) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(i18n.text(key));
        return label;
    }

    /** "KRSX G5CT MVRX …": easier to read out and type than 32 letters in a row. */
    static String grouped(String secret) {
        if (secret == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(secret.charAt(i));
        }
        return out.toString();
    }

    @Override
    public Node view() {
        return view;
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
        return problem != null ? new StepOutcome.Invalid(problem) : new SecurityInfoAction.VerifyAuthenticator(code.code());
    }

    @Override
    public boolean escapeGoesBack() {
        return true;
    }
}
