package org.opensspr.api;

/** The code that proves a new registration: from the Authenticator app, or the one emailed to the new address. */
public record SecurityInfoCodeRequest(String session, String code) {
    @Override
    public String toString() {
        return "SecurityInfoCodeRequest[session=" + Redacted.mark(session) + ", code=" + Redacted.mark(code) + "]";
    }
}
