package org.opensspr.server.kiosk;

import org.opensspr.server.http.Principal;

import java.util.Objects;

/**
 * Who sends a lock screen's request: an enrolled kiosk (by its credential), or a lock screen without one (by
 * its network address). What a lock screen starts — a reset flow, a signed-in user's security-info session —
 * answers only the caller that started it (docs/design.md §13), so a ticket or session read off one screen, a
 * log or the wire is worth nothing anywhere else.
 *
 * @param kioskId the enrolled kiosk whose credential came with the request, or null
 * @param address the address the request came from
 */
public record KioskCaller(String kioskId, String address) {

    public static KioskCaller of(Principal principal, String address) {
        return new KioskCaller(principal instanceof Principal.Kiosk kiosk ? kiosk.kioskId() : null, address);
    }

    /**
     * Whether this caller started what {@code startedBy} and {@code startedFrom} record: the same enrolled kiosk,
     * wherever it connects from now (its address may change); for something no enrolled kiosk started, a caller
     * without a credential at the same address.
     */
    public boolean started(String startedBy, String startedFrom) {
        if (startedBy != null) {
            return startedBy.equals(kioskId);
        }
        return kioskId == null && Objects.equals(startedFrom, address);
    }
}
