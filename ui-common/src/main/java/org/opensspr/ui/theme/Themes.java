package org.opensspr.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * AtlantaFX's Primer themes as the user-agent stylesheet, plus our own sheets on each scene: the bridge
 * that gives ControlsFX skins the Modena colours they look up (docs/design.md §20) and the app's own classes.
 */
public final class Themes {
    private static final String BRIDGE = resource("controlsfx-bridge.css");
    private static final String COMMON = resource("opensspr.css");

    private Themes() {
    }

    /** Switches every window of the application; call on the FX thread. */
    public static void apply(ThemeMode mode) {
        Application.setUserAgentStylesheet(userAgentStylesheet(mode));
    }

    /** The theme's base stylesheet, for a scene that keeps its own theme whatever the application's (a preview). */
    public static String userAgentStylesheet(ThemeMode mode) {
        return mode == ThemeMode.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
    }

    /** Adds the shared sheets and then {@code appSheets} (URLs) to a scene. */
    public static void style(Scene scene, String... appSheets) {
        scene.getStylesheets().addAll(BRIDGE, COMMON);
        scene.getStylesheets().addAll(appSheets);
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Themes.class.getResource(name), name).toExternalForm();
    }
}
