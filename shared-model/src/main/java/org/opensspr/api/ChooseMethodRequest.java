package org.opensspr.api;

import org.opensspr.methods.AuthMethod;

/** Picks the method for the current gate; the server then sends a code or draws questions. */
public record ChooseMethodRequest(String ticket, AuthMethod method) {
    @Override
    public String toString() {
        return "ChooseMethodRequest[ticket=" + Redacted.mark(ticket) + ", method=" + method + "]";
    }
}
