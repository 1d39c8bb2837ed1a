package org.opensspr.kiosk.wizard;

import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.i18n.I18n;

import java.time.Clock;

/**
 * What every step view may use: the texts, the wizard's driver, the branding and the clock (for countdowns).
 * Steps of the reset flow reach its {@link WizardModel} through {@link #model()}.
 */
public record StepContext(I18n i18n, WizardDriver driver, BrandingModel branding, Clock clock) {

    /** The reset flow's model: for the reset flow's steps only. */
    public WizardModel model() {
        if (driver instanceof WizardModel flow) {
            return flow;
        }
        throw new IllegalStateException("Not a reset flow: " + driver.getClass().getSimpleName());
    }
}
