package org.opensspr.api;

/** A new alternate (external) email address: the server sends it a code, and the address counts once proven. */
public record EmailRegistrationRequest(String session, String address) {
    @Override
    public String toString() {
        return "EmailRegistrationRequest[session=" + Redacted.mark(session) + ", address=" + Redacted.mark(address) + "]";
    }
}
