package org.opensspr.kiosk;

import javafx.scene.Parent;
import javafx.stage.Stage;

/** A kiosk with no server behind it, for tests outside this package (hardening). */
public final class KioskTestAccess {
    public static final String PIN = TestKiosk.PIN;
    private final TestKiosk kiosk;

    private KioskTestAccess(TestKiosk kiosk) {
        this.kiosk = kiosk;
    }

    public static KioskTestAccess offline(Stage stage) {
        return new KioskTestAccess(TestKiosk.on(stage).server("http://127.0.0.1:9").branding(TestKiosk.CONTOSO).show());
    }

    public Parent root() {
        return kiosk.kiosk.scene().getRoot();
    }

    public int exits() {
        return kiosk.exits.get();
    }

    public void close() {
        kiosk.close();
    }
}
