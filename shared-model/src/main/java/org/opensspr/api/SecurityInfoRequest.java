package org.opensspr.api;

/** A security-info request that carries only the signed-in user's session (view, skip, confirm, end, …). */
public record SecurityInfoRequest(String session) {
    @Override
    public String toString() {
        return "SecurityInfoRequest[session=" + Redacted.mark(session) + "]";
    }
}
