package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.methods.AuthMethod;

import java.time.Instant;

@JsonClassDescription("One piece of the signed-in user's security info, masked")
public record RegisteredInfoDto(
        AuthMethod.Registration kind,
        @JsonPropertyDescription("Addresses and numbers masked (a•••@f•••.example, •••• 42); for security questions how"
                + " many are answered (\"3\"); empty for the Authenticator app. Never words: the kiosk says them")
        String display,
        @JsonPropertyDescription("Who put it there: the user, or an administrator or directory sync (to confirm)")
        RegistrationSource source,
        @JsonPropertyDescription("Whether the current policy counts it") boolean counts,
        @JsonPropertyDescription("When it was registered, if known") @OptionalField Instant registeredAt) {
}
