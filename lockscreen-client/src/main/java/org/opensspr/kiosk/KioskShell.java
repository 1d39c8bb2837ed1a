package org.opensspr.kiosk;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundImage;
import javafx.scene.layout.BackgroundPosition;
import javafx.scene.layout.BackgroundRepeat;
import javafx.scene.layout.BackgroundSize;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.opensspr.flow.FlowIntent;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.kiosk.branding.Branding;
import org.opensspr.kiosk.register.SecurityInfoModel;
import org.opensspr.kiosk.register.SecurityInfoScreen;
import org.opensspr.kiosk.register.SecuritySession;
import org.opensspr.kiosk.signin.ChangePasswordPane;
import org.opensspr.kiosk.signin.SignInActions;
import org.opensspr.kiosk.signin.SignInPane;
import org.opensspr.kiosk.signin.SignInPaneModel;
import org.opensspr.kiosk.signin.SignedInPane;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.WizardModel;
import org.opensspr.kiosk.wizard.WizardPane;

/**
 * The whole screen: the organization's background, the current screen (sign-in, the wizard, the security-info
 * wizard, signed in, change password), the corner buttons and an overlay layer. It owns the wizards' lifetime:
 * a new {@link WizardModel} per flow, closed (the server's flow abandoned) whenever the person leaves or the
 * kiosk goes idle; and the signed-in person's {@link SecuritySession}, ended (what was left unproven discarded)
 * when they sign out or walk away.
 */
public final class KioskShell implements SignInActions {
    private final KioskServices services;
    private final StackPane root = new StackPane();
    private final StackPane screen = new StackPane();
    private final StackPane overlays = new StackPane();
    private final Region backgroundImage = new Region(); // styled from code: no CSS may replace the picture
    private final Region shade = new Region();
    private final CornerBar corner;
    private SignInPane signIn;
    private WizardModel wizard;
    private WizardPane wizardPane;
    private ChangePasswordPane changePassword;
    private SecuritySession security;
    private String signedInName;
    private SecurityInfoModel securityInfo;
    private WizardPane securityInfoPane;

    public KioskShell(KioskServices services) {
        this.services = services;
        root.getStyleClass().add("kiosk");
        root.setId("kiosk");
        Region backdrop = new Region();
        backdrop.getStyleClass().add("kiosk-background");
        backgroundImage.setId("backgroundImage");
        shade.getStyleClass().add("background-shade");
        screen.getStyleClass().add("screen-layer");
        overlays.setPickOnBounds(false);
        corner = new CornerBar(services.i18n(), root);
        StackPane.setAlignment(corner, Pos.BOTTOM_RIGHT);
        root.getChildren().addAll(backdrop, backgroundImage, shade, screen, corner, overlays);
        services.branding().brandingProperty().addListener((o, old, now) -> brand(now));
        // High contrast puts plain black behind the text, so the picture steps aside while it is on.
        root.getStyleClass().addListener((ListChangeListener<String>) c ->
                brand(services.branding().current()));
        brand(services.branding().current());
        showSignIn(null);
    }

    public StackPane root() {
        return root;
    }

    /** Where dialogs above everything go (the admin exit prompt). */
    public StackPane overlays() {
        return overlays;
    }

    /** A fresh sign-in screen with a fresh model: nothing typed survives. */
    public void showSignIn(String messageKey) {
        leaveCurrent();
        endSecurityInfo();
        SignInPaneModel model = new SignInPaneModel(services.client(), services.background(), services.branding(), this,
                services.i18n()::locale);
        signIn = new SignInPane(model, services.i18n(), services.branding(), services.clock());
        if (messageKey != null) {
            model.inform(messageKey);
        }
        show(signIn, signIn.initialFocus());
        signIn.onShow();
        services.branding().refresh();
    }

    /** Idle time: end any flow, empty every field, close prompts, and greet the next person as at start. */
    public void resetForNextPerson() {
        overlays.getChildren().clear();
        corner.reset();
        services.i18n().use(services.defaultLanguage());
        showSignIn(null);
    }

    @Override
    public void resetPassword(String userName) {
        startWizard(userName, false, FlowIntent.RESET_PASSWORD);
    }

    @Override
    public void unlockAccount(String userName) {
        startWizard(userName, false, FlowIntent.UNLOCK_ACCOUNT);
    }

    @Override
    public void cantAccessAccount(String userName) {
        startWizard(userName, services.branding().current().unlockOffered(), FlowIntent.RESET_PASSWORD);
    }

    /** Signed in: the security-info wizard first when sign-in asks for it, else straight to the signed-in screen. */
    @Override
    public void signedIn(String displayName, String session, SignInPrompt prompt) {
        leaveCurrent();
        endSecurityInfo();
        signedInName = displayName;
        security = session == null || session.isBlank() ? null
                : new SecuritySession(services.client(), services.background(), session);
        if (security != null && prompt != null && prompt != SignInPrompt.NONE) {
            openSecurityInfo(SecurityInfoScreen.Mode.ASKED_AT_SIGN_IN);
        } else {
            showSignedIn();
        }
    }

    private void showSignedIn() {
        leaveCurrent();
        boolean open = security != null && security.isOpen();
        SignedInPane pane = new SignedInPane(services.i18n(), signedInName,
                open ? () -> openSecurityInfo(SecurityInfoScreen.Mode.OPENED) : null, () -> showSignIn(null));
        show(pane, pane.signOutButton());
    }

    private void openSecurityInfo(SecurityInfoScreen.Mode mode) {
        leaveCurrent();
        securityInfo = new SecurityInfoModel(services.client(), services.background(), security, mode,
                () -> services.branding().current().helpdesk(), new SecurityInfoModel.Exit() {
                    @Override
                    public void signedIn() {
                        showSignedIn();
                    }

                    @Override
                    public void signInAgain(String messageKey) {
                        showSignIn(messageKey);
                    }
                });
        securityInfoPane = new WizardPane(new StepContext(services.i18n(), securityInfo, services.branding(),
                services.clock()), services.steps());
        securityInfoPane.setMaxSize(720, Region.USE_PREF_SIZE);
        show(securityInfoPane, null);
        securityInfoPane.attach();
        securityInfo.begin();
    }

    /** Ends the signed-in person's security-info session, if one is open (signed out, idle time). */
    private void endSecurityInfo() {
        if (security != null) {
            security.end();
            security = null;
        }
        signedInName = null;
    }

    /** At shutdown: ends the open security-info session on this thread. */
    public void closeNow() {
        if (wizard != null) {
            wizard.closeNow();
        }
        if (security != null) {
            security.endNow();
        }
    }

    @Override
    public void mustChangePassword(String userName, String currentPassword) {
        leaveCurrent();
        changePassword = new ChangePasswordPane(services.i18n(), services.client(), services.background(),
                services.branding().current().organizationName(), userName, currentPassword,
                () -> showSignIn(null), () -> showSignIn("signin.passwordChanged"));
        changePassword.setMaxSize(640, Region.USE_PREF_SIZE);
        show(changePassword, changePassword.initialFocus());
        changePassword.onShow();
    }

    private void startWizard(String userName, boolean askFirst, FlowIntent intent) {
        leaveCurrent();
        wizard = new WizardModel(services.client(), services.background(),
                () -> services.branding().current().helpdesk(), services.i18n()::locale, userName,
                () -> showSignIn(null));
        wizardPane = new WizardPane(new StepContext(services.i18n(), wizard, services.branding(), services.clock()),
                services.steps());
        wizardPane.setMaxSize(680, Region.USE_PREF_SIZE);
        show(wizardPane, null);
        wizardPane.attach();
        if (askFirst) {
            wizard.begin(true);
        } else {
            wizard.start(intent);
        }
    }

    /** Takes down whatever is on screen; an open flow is abandoned on the server. */
    private void leaveCurrent() {
        if (signIn != null) {
            signIn.onHide();
            signIn = null;
        }
        if (wizard != null) {
            wizard.close();
            wizardPane.detach();
            wizard = null;
            wizardPane = null;
        }
        if (changePassword != null) {
            changePassword.onHide();
            changePassword = null;
        }
        if (securityInfo != null) {
            securityInfo.close();
            securityInfoPane.detach();
            securityInfo = null;
            securityInfoPane = null;
        }
    }

    private void show(Node node, Node focus) {
        screen.getChildren().setAll(node);
        if (focus != null) {
            Platform.runLater(focus::requestFocus);
        }
    }

    /** The picture covers the whole screen, cropped rather than stretched, whatever the screen's shape. */
    private void brand(Branding branding) {
        Image picture = root.getStyleClass().contains("high-contrast") ? null : branding.background();
        backgroundImage.setBackground(picture == null ? null : new Background(new BackgroundImage(picture,
                BackgroundRepeat.NO_REPEAT, BackgroundRepeat.NO_REPEAT, BackgroundPosition.CENTER,
                new BackgroundSize(1, 1, true, true, false, true))));
        backgroundImage.setVisible(picture != null);
        shade.setVisible(picture != null); // white text stays readable on a bright picture
    }

    /**
     * Escape: leaves the wizard (cancelling its flow), goes back or asks later in the security-info wizard, or
     * leaves the change-password screen; nothing on the sign-in screen.
     */
    public void escape() {
        if (wizardPane != null) {
            wizardPane.escape();
        } else if (securityInfoPane != null) {
            securityInfoPane.escape();
        } else if (changePassword != null) {
            showSignIn(null);
        }
    }

    /** The flow on screen, if any (tests read its ticket). */
    public WizardModel wizard() {
        return wizard;
    }

    public WizardPane wizardPane() {
        return wizardPane;
    }

    public SignInPane signInPane() {
        return signIn;
    }

    /** The security-info wizard on screen, if any. */
    public SecurityInfoModel securityInfo() {
        return securityInfo;
    }

    public WizardPane securityInfoPane() {
        return securityInfoPane;
    }

    /** The signed-in person's security-info session, if one is open (tests check it ends). */
    public SecuritySession securitySession() {
        return security;
    }
}
