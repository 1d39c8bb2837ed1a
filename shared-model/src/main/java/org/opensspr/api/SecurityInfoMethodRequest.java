package org.opensspr.api;

import org.opensspr.methods.AuthMethod;

/** Names one registration of the signed-in user: to prove it again, or to delete it. */
public record SecurityInfoMethodRequest(String session, AuthMethod.Registration kind,
                                        @com.fasterxml.jackson.annotation.JsonPropertyDescription(
                                                "Proving a mobile phone: TEXT (the default) or CALL; an office phone is called")
                                        @OptionalField org.opensspr.methods.PhoneDelivery delivery) {
    public SecurityInfoMethodRequest(String session, AuthMethod.Registration kind) {
        this(session, kind, null);
    }

    @Override
    public String toString() {
        return "SecurityInfoMethodRequest[session=" + Redacted.mark(session) + ", kind=" + kind + "]";
    }
}
