package org.opensspr.kiosk.preview;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.kiosk.Kiosk;
import org.opensspr.kiosk.KioskServices;
import org.opensspr.kiosk.KioskShell;
import org.opensspr.kiosk.KioskSteps;
import org.opensspr.kiosk.branding.Branding;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.hardening.Countdown;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.signin.SignInPane;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;
import org.opensspr.ui.theme.Themes;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The kiosk's own sign-in screen, drawn off screen as a picture, for the admin console's Customization
 * preview: the same shell, panes, stylesheet and light theme as a kiosk, showing the branding being
 * edited. It has no server (nothing in it can be pressed) and keeps its theme whatever the console's is.
 * Use it on the FX thread.
 */
public final class SignInPreview {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final BrandingModel branding;
    private final KioskShell shell;
    private final Scene scene;
    private Branding shown = Branding.NONE;

    public SignInPreview(Locale locale, Background background) {
        I18n i18n = new I18n(Language.forLocale(locale));
        branding = new BrandingModel(() -> shown, background);
        // No client: the preview never signs anyone in, and the idle timer is never installed.
        shell = new KioskShell(new KioskServices(null, background, i18n, branding, Clock.systemDefaultZone(),
                KioskSteps.standard(), i18n.language(), Countdown.of(Duration.ofDays(1))));
        scene = new Scene(shell.root(), WIDTH, HEIGHT);
        scene.setUserAgentStylesheet(Themes.userAgentStylesheet(ThemeMode.LIGHT));
        Themes.style(scene, Kiosk.STYLESHEET);
        shell.signInPane().onHide(); // a picture: no clock ticking between drawings
    }

    /** The sign-in screen with this name, logo and background (null for none), as the kiosk would show it. */
    public WritableImage render(String organizationName, Image logo, Image background) {
        shown = new Branding(organizationName, logo, background, new HelpdeskContactDto("", organizationName), false);
        branding.show(shown);
        SignInPane signIn = shell.signInPane();
        signIn.onShow(); // the time now, and this branding
        try {
            return scene.snapshot(null);
        } finally {
            signIn.onHide();
        }
    }

    /** The screen itself, for tests that look inside the picture. */
    public Parent screen() {
        return shell.root();
    }
}
