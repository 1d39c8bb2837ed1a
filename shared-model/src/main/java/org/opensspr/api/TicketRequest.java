package org.opensspr.api;

/** A request that carries only the current step's ticket (refresh captcha, resend code, unlock, abandon). */
public record TicketRequest(String ticket) {
    @Override
    public String toString() {
        return "TicketRequest[ticket=" + Redacted.mark(ticket) + "]";
    }
}
