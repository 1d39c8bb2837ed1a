package org.opensspr.api;

import org.opensspr.methods.AuthMethod;

/** Names one registration of the signed-in user: to prove it again, or to delete it. */
public record SecurityInfoMethodRequest(String session, AuthMethod.Registration kind) {
    @Override
    public String toString() {
        return "SecurityInfoMethodRequest[session=" + Redacted.mark(session) + ", kind=" + kind + "]";
    }
}
