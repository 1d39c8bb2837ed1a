package org.opensspr.kiosk;

import org.opensspr.client.OpenSsprClient;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.hardening.Countdown;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.wizard.StepViews;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.tasks.Background;

import java.time.Clock;

/**
 * What the kiosk's screens share, built once at start.
 *
 * @param defaultLanguage the language the kiosk returns to for the next person (after idle time)
 * @param idle            the idle time, after which the kiosk is wiped for the next person
 */
public record KioskServices(OpenSsprClient client, Background background, I18n i18n, BrandingModel branding,
                            Clock clock, StepViews steps, Language defaultLanguage, Countdown idle) {
}
