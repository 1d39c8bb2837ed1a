package org.opensspr.kiosk.signin;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.UserPasswordChangeRequest;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.newpassword.PasswordForm;
import org.opensspr.kiosk.wizard.Failures;
import org.opensspr.password.PasswordRequirements;
import org.opensspr.ui.tasks.Background;

import java.util.Optional;

/**
 * "Your password must be changed": the person knows the current one (just typed it), so this is a
 * self-service change, not a reset — the same rules list, then back to sign in with the new password.
 */
public final class ChangePasswordPane extends VBox {
    private final PasswordForm form;
    private final Label message = new Label();
    private final Button change = new Button();
    private final I18n i18n;

    public ChangePasswordPane(I18n i18n, OpenSsprClient client, Background background, String organizationName,
                              String userName, String currentPassword, Runnable onCancel, Runnable onChanged) {
        this.i18n = i18n;
        getStyleClass().add("wizard-card");
        setId("changePassword");
        form = new PasswordForm(i18n, PasswordRequirements.CLOUD, organizationName);
        Label title = new Label();
        title.textProperty().bind(i18n.text("change.title"));
        title.getStyleClass().add("step-title");
        Label intro = new Label();
        intro.textProperty().bind(i18n.text("change.intro", userName));
        intro.setWrapText(true);
        intro.getStyleClass().add("step-intro");
        message.setId("changeMessage");
        message.setWrapText(true);
        message.getStyleClass().addAll("wizard-message", "message-error");
        Button cancel = new Button();
        cancel.setId("changeCancel");
        cancel.textProperty().bind(i18n.text("wizard.cancel"));
        cancel.setOnAction(e -> onCancel.run());
        change.setId("changeSubmit");
        change.textProperty().bind(i18n.text("change.submit"));
        change.getStyleClass().add("accent");
        change.setDefaultButton(true);
        change.setOnAction(e -> {
            Optional<String> problem = form.problem();
            if (problem.isPresent()) {
                message.setText(i18n.get(problem.get()));
                return;
            }
            String typed = form.password();
            change.setDisable(true);
            background.run(() -> {
                client.changeUserPassword(new UserPasswordChangeRequest(userName, currentPassword, typed));
                return null;
            }, done -> onChanged.run(), this::refused);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(spacer, cancel, change);
        buttons.getStyleClass().add("wizard-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox step = new VBox(title, intro, form.view());
        step.getStyleClass().add("step");
        getChildren().addAll(step, message, buttons);
    }

    private void refused(Exception failure) {
        change.setDisable(false);
        form.clear();
        if (failure instanceof OpenSsprApiException api && api.code() == ErrorCode.INVALID_CREDENTIALS) {
            message.setText(i18n.get("change.wrongCurrent"));
        } else if (Failures.of(failure, null) instanceof Failures.Outcome.Stay stay) {
            message.setText(i18n.get(stay.messageKey()));
        } else {
            message.setText(i18n.get("signin.unreachable"));
        }
    }

    public void onShow() {
        form.bind();
    }

    public void onHide() {
        form.unbind();
    }

    public Node initialFocus() {
        return form.initialFocus();
    }
}
