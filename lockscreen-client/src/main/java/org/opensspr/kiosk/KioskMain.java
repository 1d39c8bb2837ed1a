package org.opensspr.kiosk;

import javafx.application.Application;
import org.opensspr.kiosk.hardening.AdminPinSource;

/**
 * {@code ./opensspr kiosk [--server URL] [--data DIR] [--idle-seconds N] [--mkt=es-es] …}: checks the
 * options, then starts the JavaFX application (a separate class, so the JavaFX runtime loads from the
 * class path).
 */
public final class KioskMain {
    private KioskMain() {
    }

    public static void main(String[] args) {
        KioskOptions options;
        try {
            options = KioskOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("opensspr kiosk: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.setAdminPin()) {
            System.exit(AdminPinSource.setInteractively(options.settingsDirectory(), System.out));
            return;
        }
        Application.launch(KioskApp.class, args);
    }
}
