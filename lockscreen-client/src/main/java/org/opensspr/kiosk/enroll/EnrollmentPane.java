package org.opensspr.kiosk.enroll;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.StepLayout;

/** "Enroll this kiosk": the server, its certificate's fingerprint to compare, and the one-time code. */
public final class EnrollmentPane extends StackPane {
    private final TextField code = new TextField();
    private final EnrollmentPaneModel model;

    public EnrollmentPane(EnrollmentPaneModel model, I18n i18n) {
        this.model = model;
        getStyleClass().addAll("kiosk", "kiosk-background");
        setId("enrollment");
        code.setId("enrollmentCode");
        code.textProperty().bindBidirectional(model.codeProperty());
        code.setOnAction(e -> model.enroll());
        Label server = new Label();
        server.setId("enrollmentServer");
        server.textProperty().bind(i18n.text("enroll.server", model.serverUrl()));
        server.setWrapText(true);
        Label compare = new Label();
        compare.textProperty().bind(i18n.text("enroll.fingerprint"));
        compare.setWrapText(true);
        Label fingerprint = new Label();
        fingerprint.setId("enrollmentFingerprint");
        fingerprint.getStyleClass().add("fingerprint");
        // 32 pairs in two lines of 16, so the fingerprint never breaks inside a pair
        fingerprint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String text = model.fingerprintProperty().get();
            return text.length() == 95 ? text.substring(0, 47) + "\n" + text.substring(48) : text;
        }, model.fingerprintProperty()));
        VBox check = new VBox(compare, fingerprint);
        check.getStyleClass().add("labelled-field");
        check.visibleProperty().bind(model.fingerprintProperty().isNotEmpty());
        check.managedProperty().bind(check.visibleProperty());
        Label message = new Label();
        message.setId("enrollmentMessage");
        message.setWrapText(true);
        message.getStyleClass().addAll("wizard-message", "message-error");
        message.textProperty().bind(i18n.textOf(model.messageKeyProperty()));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Button enroll = new Button();
        enroll.setId("enrollButton");
        enroll.textProperty().bind(i18n.text("enroll.submit"));
        enroll.getStyleClass().add("accent");
        enroll.setDefaultButton(true);
        enroll.disableProperty().bind(model.workingProperty());
        enroll.setOnAction(e -> model.enroll());
        HBox buttons = new HBox(enroll);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.getStyleClass().add("wizard-buttons");
        VBox card = new VBox(StepLayout.of(i18n, "enroll.title", "enroll.intro", server, check,
                StepLayout.field(i18n, "enroll.code", code)), message, buttons);
        card.getStyleClass().add("wizard-card");
        card.setMaxSize(640, USE_PREF_SIZE);
        getChildren().add(card);
    }

    public Node initialFocus() {
        return code;
    }

    public EnrollmentPaneModel model() {
        return model;
    }
}
