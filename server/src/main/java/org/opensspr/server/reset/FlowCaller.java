package org.opensspr.server.reset;

import org.opensspr.server.http.Principal;

import java.util.Objects;

/**
 * Who sends a flow's request: an enrolled kiosk (by its credential), or a lock screen without one (by its
 * network address). A flow answers only the caller that started it (docs/design.md §13), so a ticket read
 * off one screen, a log or the wire is worth nothing anywhere else.
 *
 * @param kioskId the enrolled kiosk whose credential came with the request, or null
 * @param address the address the request came from
 */
record FlowCaller(String kioskId, String address) {

    static FlowCaller of(Principal principal, String address) {
        return new FlowCaller(principal instanceof Principal.Kiosk kiosk ? kiosk.kioskId() : null, address);
    }

    /**
     * Whether this caller started {@code flow}: the same enrolled kiosk, wherever it connects from now (its
     * address may change mid-flow); for a flow no enrolled kiosk started, a caller without a credential at
     * the same address.
     */
    boolean started(FlowRecord flow) {
        if (flow.kioskId() != null) {
            return flow.kioskId().equals(kioskId);
        }
        return kioskId == null && Objects.equals(flow.clientAddress(), address);
    }
}
