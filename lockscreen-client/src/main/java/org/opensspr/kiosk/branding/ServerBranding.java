package org.opensspr.kiosk.branding;

import org.opensspr.client.OpenSsprClient;

/**
 * The organization's branding from the server. Until the server's branding endpoint lands, the kiosk
 * shows no name or pictures and offers unlocking only where a sign-in says the policy allows it.
 */
public final class ServerBranding implements BrandingSource {
    private final OpenSsprClient client;

    public ServerBranding(OpenSsprClient client) {
        this.client = client;
    }

    @Override
    public Branding load() {
        return Branding.NONE;
    }
}
