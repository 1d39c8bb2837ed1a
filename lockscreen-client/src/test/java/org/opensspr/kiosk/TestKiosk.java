package org.opensspr.kiosk;

import javafx.stage.Stage;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.kiosk.branding.Branding;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.branding.BrandingSource;
import org.opensspr.kiosk.branding.ServerBranding;
import org.opensspr.kiosk.connection.ServerConnection;
import org.opensspr.kiosk.hardening.AdminPin;
import org.opensspr.kiosk.hardening.Countdown;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.tasks.Background;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The kiosk as KioskApp assembles it, on a test's stage, against a given server. Build it in {@code @Start}. */
final class TestKiosk implements AutoCloseable {
    static final String PIN = "246810";
    /** Contoso's branding as the demo policy has it (helpdesk page, unlocking offered), without asking the server. */
    static final Branding CONTOSO = new Branding("Contoso", null, null,
            new HelpdeskContactDto(DemoServer.HELPDESK, "Contoso"), true);

    final Background background = new Background();
    final OpenSsprClient client;
    final I18n i18n;
    final Kiosk kiosk;
    final AtomicInteger exits = new AtomicInteger();

    private TestKiosk(Stage stage, String serverUrl, BrandingSource branding, Countdown idle, Countdown poll,
                      Language language, Clock clock) {
        client = ServerConnection.builder(serverUrl).build();
        i18n = new I18n(language);
        KioskServices services = new KioskServices(client, background, i18n,
                new BrandingModel(branding == null ? new ServerBranding(client) : branding, background),
                clock, KioskSteps.standard(() -> poll), language, idle);
        kiosk = new Kiosk(services, AdminPin.of(PIN.toCharArray()), exits::incrementAndGet, 1280, 800);
        stage.setScene(kiosk.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    static Builder on(Stage stage) {
        return new Builder(stage);
    }

    KioskShell shell() {
        return kiosk.shell();
    }

    @Override
    public void close() {
        kiosk.stop();
        if (shell().wizard() != null) {
            shell().wizard().close();
        }
        if (shell().securitySession() != null) {
            shell().securitySession().endNow();
        }
        background.close();
        client.close();
    }

    static final class Builder {
        private final Stage stage;
        private String url;
        private BrandingSource branding; // null: the server's own (GET /branding)
        private Countdown idle = Countdown.of(Duration.ofMinutes(10));
        /** Between two polls of a waiting notification: never runs out unless a test runs it out. */
        private Countdown poll = new ManualCountdown();
        private Language language = Language.ENGLISH;
        private Clock clock = Clock.systemDefaultZone();

        private Builder(Stage stage) {
            this.stage = stage;
        }

        Builder server(String serverUrl) {
            this.url = serverUrl;
            return this;
        }

        Builder branding(Branding fixed) {
            this.branding = () -> fixed;
            return this;
        }

        Builder branding(BrandingSource source) {
            this.branding = source;
            return this;
        }

        /** The idle time, e.g. a {@link ManualCountdown} the test runs out. */
        Builder idle(Countdown countdown) {
            this.idle = countdown;
            return this;
        }

        /** The countdown between two polls of a waiting app notification, which the test runs out. */
        Builder poll(Countdown countdown) {
            this.poll = countdown;
            return this;
        }

        Builder language(Language start) {
            this.language = start;
            return this;
        }

        /** The kiosk's own clock (a kiosk whose time runs ahead of the server's). */
        Builder clock(Clock kioskClock) {
            this.clock = kioskClock;
            return this;
        }

        TestKiosk show() {
            return new TestKiosk(stage, url, branding, idle, poll, language, clock);
        }
    }
}
