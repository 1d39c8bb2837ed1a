package org.opensspr.kiosk.register;

import org.opensspr.client.OpenSsprClient;
import org.opensspr.ui.tasks.Background;

/**
 * The security-info session sign-in gave the person (15 minutes, this kiosk only). It outlives one screen:
 * the registration wizard, the signed-in screen and the Security info page share it, and the kiosk ends it
 * when the person signs out or walks away, so the server discards whatever was left unproven.
 * Used on the FX thread only.
 */
public final class SecuritySession {
    private final OpenSsprClient client;
    private final Background background;
    private final String id;
    private boolean open = true;

    public SecuritySession(OpenSsprClient client, Background background, String id) {
        this.client = client;
        this.background = background;
        this.id = id;
    }

    /** The bearer for the security-info calls. */
    public String id() {
        return id;
    }

    /** Whether the session may still be used (not ended, skipped or found expired). */
    public boolean isOpen() {
        return open;
    }

    /** The server ended it already ("ask me later", or it answered that the session is over). */
    void ended() {
        open = false;
    }

    /** Ends it on the server, in the background; best effort: a session left behind expires on its own. */
    public void end() {
        if (!open) {
            return;
        }
        open = false;
        background.run(() -> {
            client.endSecurityInfo(id);
            return null;
        }, ignored -> { }, ignored -> { });
    }

    /** At shutdown: ends it on this thread, since no background answer would be waited for. */
    public void endNow() {
        if (!open) {
            return;
        }
        open = false;
        try {
            client.endSecurityInfo(id);
        } catch (RuntimeException unreachable) {
            // the session expires after 15 minutes anyway
        }
    }

    @Override
    public String toString() {
        return "SecuritySession[open=" + open + "]";
    }
}
