package org.opensspr.kiosk.branding;

/** Where the kiosk gets its {@link Branding}; called off the FX thread, may throw when the server can't be reached. */
@FunctionalInterface
public interface BrandingSource {
    Branding load() throws Exception;
}
