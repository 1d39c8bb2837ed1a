package org.opensspr.server.reset;

import org.opensspr.server.kiosk.KioskCaller;
import org.jooq.DSLContext;
import org.opensspr.api.ErrorCode;
import org.opensspr.flow.FlowLimits;
import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.http.ApiException;

import java.time.Instant;

/**
 * Resolves the ticket a kiosk sends to its flow. Tickets are single use: every accepted step
 * issues the next one. A spent ticket answers 409, an expired or abandoned flow 410, an unknown
 * ticket 404 — and none of them changes anything.
 */
final class FlowTicket {
    private final FlowRepository flows;
    private final Tokens tokens = new Tokens();

    FlowTicket(FlowRepository flows) {
        this.flows = flows;
    }

    /**
     * The open flow this ticket belongs to, or the error the kiosk must see. To any caller but the one that
     * started it (KioskCaller), a flow's ticket is unknown — whatever state the flow is in.
     */
    FlowRecord open(DSLContext tx, String ticket, KioskCaller caller, Instant now) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 128) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "ticket", "The ticket is not valid.");
        }
        String hash = Tokens.sha256Hex(ticket);
        FlowRecord flow = flows.findByTicket(tx, hash).orElseThrow(() -> flows.isSpent(tx, hash)
                ? new ApiException(ErrorCode.TICKET_ALREADY_USED,
                "This step was already submitted; continue from the latest screen.")
                : unknown());
        if (!caller.started(flow.kioskId(), flow.clientAddress())) {
            throw unknown();
        }
        if (flow.superseded()) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "Another reset of this account finished first; sign in with the new password or start again.");
        }
        if (flow.abandonedAt() != null) {
            throw new ApiException(ErrorCode.FLOW_EXPIRED, "This reset session has ended; start again.");
        }
        if (flow.completion() == null && !now.isBefore(flow.startedAt().plus(FlowLimits.FLOW_LIFETIME))) {
            throw new ApiException(ErrorCode.FLOW_EXPIRED, "This reset session expired after 15 minutes; start again.");
        }
        return flow;
    }

    private static ApiException unknown() {
        return new ApiException(ErrorCode.NOT_FOUND, "This reset session doesn't exist; start again.");
    }

    String newTicket() {
        return tokens.newToken();
    }
}
