package org.opensspr.kiosk.verify;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensspr.api.CaptchaDto;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepLayout;
import org.opensspr.kiosk.wizard.StepOutcome;

import java.io.ByteArrayInputStream;
import java.util.Base64;

/**
 * Who are you? The user ID and the characters in the picture (a captcha, with "new picture"). The
 * user ID lives in the flow's model, so a new picture or a mistyped captcha keeps what was typed.
 */
public final class VerifyStep implements FlowStepView {
    private final StepContext context;
    private final TextField userId = new TextField();
    private final TextField captchaAnswer = new TextField();
    private final String captchaId;
    private final VBox view;

    public VerifyStep(StepContext context, FlowResponse response) {
        this.context = context;
        I18n i18n = context.i18n();
        CaptchaDto captcha = response.captcha();
        captchaId = captcha == null ? "" : captcha.captchaId();
        userId.setId("userId");
        userId.promptTextProperty().bind(i18n.text("verify.userId.prompt"));
        captchaAnswer.setId("captchaAnswer");

        ImageView picture = new ImageView();
        picture.setId("captchaImage");
        picture.getStyleClass().add("captcha-image");
        picture.accessibleTextProperty().bind(i18n.text("verify.captcha.picture"));
        if (captcha != null && captcha.pngBase64() != null) {
            picture.setImage(new Image(new ByteArrayInputStream(Base64.getDecoder().decode(captcha.pngBase64()))));
        }
        Button refresh = new Button();
        refresh.setId("refreshCaptcha");
        refresh.textProperty().bind(i18n.text("verify.captcha.refresh"));
        refresh.getStyleClass().add("flat");
        refresh.setOnAction(e -> context.model().send((client, ticket) -> client.refreshCaptcha(ticket)));
        HBox pictureRow = new HBox(picture, refresh);
        pictureRow.setAlignment(Pos.CENTER_LEFT);
        pictureRow.getStyleClass().add("captcha-row");

        view = StepLayout.of(i18n, "verify.title", "verify.intro",
                StepLayout.field(i18n, "verify.userId", userId),
                pictureRow,
                StepLayout.field(i18n, "verify.captcha", captchaAnswer));
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void onShow() {
        userId.textProperty().bindBidirectional(context.model().userIdProperty());
    }

    @Override
    public void onHide() {
        userId.textProperty().unbindBidirectional(context.model().userIdProperty());
    }

    @Override
    public Node initialFocus() {
        return userId.getText().isBlank() ? userId : captchaAnswer;
    }

    @Override
    public StepOutcome next() {
        String user = userId.getText() == null ? "" : userId.getText().strip();
        String answer = captchaAnswer.getText() == null ? "" : captchaAnswer.getText().strip();
        if (user.isEmpty()) {
            return new StepOutcome.Invalid("verify.userId.required");
        }
        if (answer.isEmpty()) {
            return new StepOutcome.Invalid("verify.captcha.required");
        }
        return new StepOutcome.Call((client, ticket) ->
                client.identify(new IdentifyRequest(ticket, user, captchaId, answer)));
    }
}
