package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;

/** A new mobile or office phone: the server texts or calls it with a code, and the number counts once proven. */
@JsonClassDescription("A new mobile or office phone number to prove with a code")
public record PhoneRegistrationRequest(
        String session,
        @JsonPropertyDescription("MOBILE_PHONE or OFFICE_PHONE") AuthMethod.Registration kind,
        @JsonPropertyDescription("The number: +<country code> <number>, or a local number in the policy's default region")
        String number,
        @JsonPropertyDescription("An office phone's extension (digits only)") @OptionalField String extension,
        @JsonPropertyDescription("For a mobile phone: TEXT (the default) or CALL; an office phone is always called")
        @OptionalField PhoneDelivery delivery) {
    @Override
    public String toString() {
        return "PhoneRegistrationRequest[session=" + Redacted.mark(session) + ", kind=" + kind + ", number="
                + Redacted.mark(number) + ", delivery=" + delivery + "]";
    }
}
