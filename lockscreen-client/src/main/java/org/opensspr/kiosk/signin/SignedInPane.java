package org.opensspr.kiosk.signin;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensspr.kiosk.i18n.I18n;

/**
 * Signed in: a welcome with the person's name, "Security info" while their security-info session is open,
 * and "Sign out" (idle time signs out too).
 */
public final class SignedInPane extends VBox {
    private final Button signOut = new Button();
    private final Button securityInfo = new Button();

    /** @param onSecurityInfo opens the Security info page; null when there is no session to open it with */
    public SignedInPane(I18n i18n, String displayName, Runnable onSecurityInfo, Runnable onSignOut) {
        getStyleClass().add("signed-in");
        setId("signedIn");
        setAlignment(Pos.CENTER);
        Label welcome = new Label();
        welcome.textProperty().bind(i18n.text("signedin.welcome"));
        welcome.getStyleClass().add("user-tile-name");
        Label name = new Label(displayName == null ? "" : displayName);
        name.setId("signedInName");
        name.getStyleClass().add("signed-in-name");
        Label note = new Label();
        note.textProperty().bind(i18n.text("signedin.note"));
        note.getStyleClass().add("lock-message");
        signOut.setId("signOut");
        signOut.textProperty().bind(i18n.text("signedin.signOut"));
        signOut.getStyleClass().add("lock-button");
        signOut.setOnAction(e -> onSignOut.run());
        securityInfo.setId("openSecurityInfo");
        securityInfo.textProperty().bind(i18n.text("signedin.securityInfo"));
        securityInfo.getStyleClass().add("lock-button");
        securityInfo.setOnAction(e -> onSecurityInfo.run());
        securityInfo.setVisible(onSecurityInfo != null);
        securityInfo.setManaged(onSecurityInfo != null);
        HBox buttons = new HBox(securityInfo, signOut);
        buttons.getStyleClass().add("signed-in-buttons");
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(new UserAvatar(64), welcome, name, note, buttons);
    }

    public Button signOutButton() {
        return signOut;
    }
}
