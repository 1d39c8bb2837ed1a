package org.opensspr.kiosk.wizard;

import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.i18n.I18n;

import java.time.Clock;

/** What every step view may use: the texts, the flow's model, the branding and the clock (for countdowns). */
public record StepContext(I18n i18n, WizardModel model, BrandingModel branding, Clock clock) {
}
