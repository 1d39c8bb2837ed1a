package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;

/** Picks the method for the current gate; the server then sends a code, calls, pushes or draws questions. */
public record ChooseMethodRequest(String ticket, AuthMethod method,
                                  @JsonPropertyDescription("For MOBILE_PHONE: TEXT (the default) or CALL; an office phone is always called")
                                  @OptionalField PhoneDelivery delivery) {
    public ChooseMethodRequest(String ticket, AuthMethod method) {
        this(ticket, method, null);
    }

    @Override
    public String toString() {
        return "ChooseMethodRequest[ticket=" + Redacted.mark(ticket) + ", method=" + method + ", delivery=" + delivery + "]";
    }
}
